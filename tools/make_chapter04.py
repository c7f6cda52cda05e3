"""Writes notebooks/04-cliffs.ipynb and notebooks/solutions/04-cliffs.ipynb (sources only; `descent run` stores outputs)."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import nbgen  # noqa: E402

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "notebooks")

chapter = [
("markdown", r"""
# 04 — Cliffs and exploding gradients

**Learning goals.** After this chapter you can explain how multiplying several large weights makes a *cliff* — a region
where the loss changes by a lot over a tiny change in $\theta$ — and why one gradient step there can throw the parameters
far away, from above or from below. You can locate the wall of Pascanu et al.'s one-unit recurrent network from a
fixed-point argument and compute how steep it is, apply **gradient clipping** by norm and by value, choose its threshold,
and measure how often clipping acts when a real network trains.

Seeds: Srihari §4 (cliffs and exploding gradients), Harakeh (cliffs, gradient clipping), the UvA notes (plateaus, cliffs,
"flat areas with very steep minima"). Paper: R. Pascanu, T. Mikolov,
Y. Bengio, *On the difficulty of training recurrent neural networks*, ICML 2013, arXiv:1211.5063.
"""),
("markdown", "The first code cell makes the library available (a no-op in the Descent kernel, where it is preloaded)."),
("code", r'''#load "descent.csx"'''),
("markdown", r"""
## 1. A cliff from multiplying weights

"Cliffs result from the multiplication of several large weights together" (seed 001). The smallest example: a chain of
$2k$ scalar linear layers whose first $k$ layers share the weight $a$ and last $k$ share $b$, fit to the target $y = 1$:

$$L(a, b) = \tfrac12\,(a^k b^k - y)^2, \qquad \nabla L = r\,k\,\big(a^{k-1}b^k,\; a^k b^{k-1}\big), \quad r = a^k b^k - y .$$

With $k = 5$ the product $(ab)^5$ is tiny for $|ab| < 1$ — a **plateau** at $L \approx \tfrac12$ — and huge for $|ab| > 1$;
the minima sit on the narrow **ledge** $ab = 1$ at the foot of a **wall** — the UvA notes' "flat areas combined with very
steep minima: how do we even get to the area where the steep minimum starts?" On the diagonal $a = b = w$ the slope is
$\|\nabla L\| = \sqrt2\,k\,|w^{2k} - y|\,w^{2k-1}$. Check it at $w = 1.3$, and compare with the slope on the plateau:
"""),
("code", r'''var cliff = new ProductCliff();
$"‖∇L(1.3, 1.3)‖ = {cliff.Gradient(Point.Of(1.3, 1.3)).L2Norm():G6}, formula √2·5·|1.3¹⁰ − 1|·1.3⁹ = {Math.Sqrt(2) * 5 * (Math.Pow(1.3, 10) - 1) * Math.Pow(1.3, 9):G6}; on the plateau ‖∇L(0.5, 1)‖ = {cliff.Gradient(Point.Of(0.5, 1.0)).L2Norm():G3}"'''),
("markdown", r"""
A slope of about 960 against 0.3: thousands of times steeper. The loss along the diagonal $\theta = (0.6, 0.6) + \alpha(1, 1)$
crosses the plateau, the ledge ($\alpha = 0.4$) and the wall (log scale):
"""),
("code", r'''Plot.Slice1D(cliff, Point.Of(0.6, 0.6), Point.Of(1.0, 1.0), from: -0.4, to: 0.75, count: 301, logY: true, title: "L along a = b = 0.6 + α")'''),
("markdown", r"""
## 2. Steps that jump off the cliff — from above and from below

"On the face of an extremely steep cliff structure, the gradient update step can move the parameters extremely far,
usually jumping off of the cliff structure altogether … very dangerous when approached from above or below" (seed 001).

* **From above**: start on the wall at $(1.3, 1.3)$ with $\epsilon = 0.03$ — a step size that is stable on the ledge, whose
  curvature across is $2k^2 = 50$ (`cliff.LedgeCurvature`), since $0.03 < 2/50$. The first step is
  $\epsilon\|\nabla L\| \approx 0.03 \cdot 959 \approx 29$ long.
* **From below**: start on the plateau at $(0.2, 1.2)$ with $\epsilon = 0.1$, large enough to cross the plateau. Gradient
  descent creeps for dozens of steps, reaches the ledge, overshoots onto the wall, and is thrown.

**Gradient clipping by norm** (Pascanu et al. 2013) rescales the gradient when it is long:

$$\hat g = g \cdot \min\!\Big(1, \frac{v}{\|g\|}\Big), \qquad \|\Delta\theta\| = \epsilon\,\|\hat g\| \le \epsilon v ,$$

keeping the direction and bounding the step, whatever the gradient. Same starts, $v = 1$:
"""),
("code", r'''var jump = new CliffJump().Run();
jump'''),
("code", r'''Plot.Contour(cliff, jump.Runs, jump.Names, new PlotBox(-0.2, 1.6, -0.2, 1.6), logLevels: true)'''),
("markdown", r"""
Both plain runs leave the picture — the one from above in its first step, the one from below after it reaches the wall —
and diverge. The clipped run from above walks down the wall in steps of $\epsilon v = 0.03$ and converges on the ledge. The
clipped run from below stays on the ledge, but since $\epsilon = 0.1 > 2/50$ it keeps bouncing across it instead of
converging: clipping bounds the step, it does not fix a learning rate that is too large for the curvature.
"""),
("code", r'''Plot.Losses(jump.Runs, jump.Names, title: "Loss per step (log scale): the plain runs blow up")'''),
("markdown", r"""
## 3. The cliff of a recurrent network (Pascanu et al. 2013)

Recurrent networks multiply by the same weight at every time step, so cliffs come naturally. Pascanu et al.'s example has
a single unit, $h_0 = 0.5$, $T = 50$ steps and the loss on the last state:

$$h_t = w\,\sigma(h_{t-1}) + b, \qquad L(w, b) = (h_T - 0.7)^2 .$$

**Where is the wall?** The map $f(h) = w\sigma(h) + b$ is increasing, so the orbit $h_0, h_1, \dots$ is monotone: it climbs
for ever when $h_1 > h_0$ and falls when $h_1 < h_0$. When $w\sigma'(h_0) > 1$, $f$ has two attractors, and $h_T$ lands on the
high one or the low one depending on the sign of $h_1 - h_0$. The loss therefore jumps on the line where $h_0$ is a fixed
point:

$$b^*(w) = h_0 - w\,\sigma(h_0).$$

**How steep is it?** On that line $h_t = h_0$ for every $t$, so $\partial h_t/\partial b = 1 + g\,\partial h_{t-1}/\partial b$
with the gain $g = w\sigma'(h_0)$, and

$$\Big|\frac{\partial L}{\partial b}\Big| = 2\,|h_0 - 0.7|\;\frac{g^T - 1}{g - 1} .$$

The experiment finds the wall by bisection at several $w$ and compares both formulas with the model:
"""),
("code", r'''var rnn = new SingleUnitRnn();
var wall = new RnnCliff().Run();
wall'''),
("markdown", r"""
The measured wall agrees with $h_0 - w\sigma(h_0)$ to rounding, the loss jumps by several units across it, and the slope
there follows the geometric sum: $7\cdot10^3$ at $w = 5$, $3\cdot10^7$ at $w = 6$, $2\cdot10^{13}$ at $w = 8$ — against about
10 away from it. The surface over $(w, b)$ (the wall runs diagonally, from $(5, -2.6)$ to $(12, -7)$):
"""),
("code", r'''Plot.Surface(rnn, box: new PlotBox(2, 12, -8, 0), resolution: 81, title: "L(w, b) of the single-unit RNN, T = 50")'''),
("markdown", r"""
## 4. Clipping by norm and by value on the RNN

Clipping **by value** (Mikolov 2012) clamps every component, $\hat g_i = \min(\max(g_i, -c), c)$: it bounds the step by
$\epsilon c\sqrt n$ but turns its direction. Three runs from $(9,\ b^*(9) + 0.6)$, $\epsilon = 0.01$: plain, clipped by norm
($v = 10$), clipped by value ($c = 10$) — both thresholds sit just under the slope of about 12 away from the wall, so they
only act near it:
"""),
("code", r'''Plot.Contour(rnn, wall.Runs, wall.Names, new PlotBox(-4, 12, -8, 4), logLevels: true, resolution: 91)'''),
("code", r'''Plot.Curves(wall.Runs.Select((r, i) => new Series(wall.Names[i], r.StepLengths)), yTitle: "‖θₖ₊₁ − θₖ‖", logY: true, title: "Step lengths")'''),
("markdown", r"""
The plain run crawls to the wall and then takes a step of about 60 — it leaves the picture and lands in another part of
the surface. The clipped runs never step farther than $\epsilon v = 0.1$ (by norm) or $\epsilon c\sqrt2 \approx 0.14$ (by
value); clipping by norm reaches a low loss near the start, clipping by value, whose steps point along the diagonal
whenever both components are clamped, makes slower progress. `RnnCliffTests` asserts the wall, its slope and these bounds.

## 5. How sensitive is the threshold?

A grid of starts on both sides of the wall, gradient descent with $\epsilon = 0.01$, and clipping thresholds from none to
100. A small live run (9 starts, 600 steps):
"""),
("code", r'''var comparison = new ClippingComparison().Run(new ClippingComparisonParameters { StartWeights = [6, 9, 10], StartOffsets = [-0.3, 0.1, 0.6], Thresholds = [0, 1, 10, 100], TrainingSteps = 600, ShowcaseStart = 5 });
comparison'''),
("code", r'''Plot.Losses(comparison.Showcase, comparison.Names, title: "Training curves from (9, b*(9) + 0.6)")'''),
("markdown", r"""
Too small a threshold ($v = 1$, below the ordinary slope) clips every step to length $\epsilon v = 0.01$ and the runs stall;
too large a one ($v = 100$) lets some jumps through; in between, runs take no jump and still converge. Plain gradient
descent also often ends at a low loss here — after jumping to some other valley of the surface, so where it ends is a
matter of luck. The full grid (36 starts, 1000 steps) from the command line:
"""),
("code", r'''StoredResults.Provenance("clipping-comparison.csv") + "\n" + StoredResults.Load("clipping-comparison.csv")'''),
("markdown", r"""
## 6. How often does clipping act in real training?

SGD (minibatches of 32) with clipping by norm at $v = 1$ on two networks, recording every minibatch gradient norm
$\|\hat g\|$ before clipping: the digits MLP 64-64-10 ($\epsilon = 0.1$) and a tanh RNN on the adding problem (Hochreiter &
Schmidhuber 1997; the target is the sum of the two marked values of a sequence), whose recurrent matrix starts with spectral
radius 1.2. The same run without clipping gives the loss to compare. A short live run (80 steps, $T = 20$):
"""),
("code", r'''var stats = new ClippingStatistics().Run(new ClippingStatisticsParameters { Steps = 80, AddingCount = 64, AddingLength = 20 });
stats'''),
("code", r'''Plot.Histograms([new Series("digits MLP", stats.Mlp.GradientNorms), new Series("adding-problem RNN", stats.Rnn.GradientNorms)], bins: 60, xTitle: "‖ĝ‖", logY: true, title: "Minibatch gradient norms (live run)")'''),
("markdown", r"""
The full run (1000 steps each, $T = 30$), stored by the CLI: the MLP's norms stay in a narrow band and clipping acts on a
few percent of its steps; the RNN's have a long tail — occasional gradients many times the median — and clipping acts on
about a quarter of them. `ClippingStatisticsTests` asserts that the RNN's tail (max/median) is more than twice the MLP's and
that it is clipped more often.
"""),
("code", r'''var full = StoredResults.Load("clipping-statistics.csv");
var mlpNorms = StoredResults.Column(full, "mlp_gradient_norm"); var rnnNorms = StoredResults.Column(full, "rnn_gradient_norm");
$"steps with ‖ĝ‖ > 1: MLP {mlpNorms.Count(n => n > 1) / (double)mlpNorms.Length:P1}, RNN {rnnNorms.Count(n => n > 1) / (double)rnnNorms.Length:P1}; max/median: MLP {mlpNorms.Max() / mlpNorms.Order().ElementAt(mlpNorms.Length / 2):G3}, RNN {rnnNorms.Max() / rnnNorms.Order().ElementAt(rnnNorms.Length / 2):G3}"'''),
("code", r'''Plot.Histograms([new Series("digits MLP", mlpNorms), new Series("adding-problem RNN", rnnNorms)], bins: 80, xTitle: "‖ĝ‖", logY: true, title: "Minibatch gradient norms, 1000 SGD steps (stored run)")'''),
("markdown", r"""
## Exercises

Replace `double.NaN` with your answer — ideally a computation with the library — and run the cell.
"""),
("code", 'Check.Prompt("04.1")'),
("code", 'Check.Exercise("04.1", double.NaN)'),
("code", 'Check.Prompt("04.2")'),
("code", 'Check.Exercise("04.2", double.NaN)'),
("code", 'Check.Prompt("04.3")'),
("code", 'Check.Exercise("04.3", double.NaN)'),
("code", 'Check.Prompt("04.4")'),
("code", 'Check.Exercise("04.4", double.NaN)'),
("markdown", r"""
Worked solutions: `notebooks/solutions/04-cliffs.ipynb`.

## What to try next

- In section 2, replace `Optimizers.GradientDescent` by momentum (`CliffJumpParameters` → write your own run with
  `Trainer.Run(cliff, Optimizers.Momentum(0.03, 0.9), …)`): does momentum reach the wall faster and jump harder?
- Make the chain deeper (`new ProductCliff(layersPerWeight: 10)`): how do the ledge's width and the wall's slope change?
- Rerun `RnnCliff` with `Steps = 100`: by how much does the wall's slope grow, and does its position move? (Use the formulas
  of section 3 to predict both first.)
- Give the adding-problem RNN of section 6 a recurrent matrix with spectral radius 0.8 or 1.5
  (`RnnSpectralRadius`): how do the histogram's tail and the fraction clipped change?
- **Extend this**: implement `ClipByAdaptiveNorm` in `extend/Chapter04.cs` — clip $\|g\|$ to a multiple of the running
  mean of the norms seen so far, so one spike is cut while ordinary steps pass (task in `docs/extend.md`), check it with
  `dotnet test extend --filter Chapter04`, then use it in place of the fixed threshold of section 5.
"""),
]

solutions = [
("markdown", r"""
# 04 — Cliffs and exploding gradients: worked solutions

Each answer is computed with the library, then checked.
"""),
("code", r'''#load "../descent.csx"'''),
("markdown", r"""
**04.1** The plain step is $-\epsilon g$, so its length is $\epsilon\|g\|$ — about 3.5 here, twice the width of the
plotted region:
"""),
("code", r'''double stepLength = Chapter04Exercises.LearningRate * Chapter04Exercises.Cliff.Gradient(Chapter04Exercises.OnTheWall).L2Norm();
Check.Exercise("04.1", stepLength)'''),
("markdown", r"""
**04.2** When $\|g\| > v$ the clipped step has length exactly $\epsilon v$, so $v = 0.05/\epsilon \approx 1.67$ (and $\|g\| \approx 116 > v$, so the clip is active):
"""),
("code", r'''Check.Exercise("04.2", 0.05 / Chapter04Exercises.LearningRate)'''),
("markdown", r"""
**04.3** The wall is where $h_0$ is a fixed point, $h_0 = w\sigma(h_0) + b$. The bisection of `RnnCliff.LocateWall` agrees:
"""),
("code", r'''double bStar = 0.5 - 10 / (1 + Math.Exp(-0.5));
$"formula {bStar:F9}, bisection {RnnCliff.LocateWall(Chapter04Exercises.Rnn, 10):F9}"'''),
("code", r'''Check.Exercise("04.3", bStar)'''),
("markdown", r"""
**04.4** Both components of $g$ exceed 1, so the clamped vector is $(1, 1)$, pointing along the diagonal, while $g$ is tilted
towards $b$ (its components are in the ratio $a/b$):
"""),
("code", r'''var g = Chapter04Exercises.Cliff.Gradient(Chapter04Exercises.OnTheWall); var clamped = g.Map(x => Math.Clamp(x, -1.0, 1.0));
Check.Exercise("04.4", Math.Acos(g.DotProduct(clamped) / (g.L2Norm() * clamped.L2Norm())) * 180 / Math.PI)'''),
]

nbgen.write(os.path.join(ROOT, "04-cliffs.ipynb"), chapter, "ch04")
nbgen.write(os.path.join(ROOT, "solutions", "04-cliffs.ipynb"), solutions, "ch04-sol")
