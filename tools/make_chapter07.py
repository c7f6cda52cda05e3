"""Writes notebooks/07-local-vs-global.ipynb and notebooks/solutions/07-local-vs-global.ipynb (sources only;
`descent run` stores the outputs)."""
import os
import nbgen

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
NAME = "07-local-vs-global"

intro = [
("markdown", r"""
# 07 — Poor correspondence between local and global structure

**Learning goals.** After this chapter you can explain why gradient descent can do everything right *locally* — no
ill-conditioning, no cliff, no saddle — and still do badly, because the locally best direction need not point towards
distant regions of low loss. You can draw the loss of a real network along the straight line from $\theta_0$ to the
solution $\theta^*$ and on a 2-D slice with filter-normalized directions, map which starting points reach which basin,
recognise a loss with no critical point at all (and see its weights grow without bound), and measure the loss barrier
between two solutions along a straight line and along a trained curve.

Seeds: Srihari §7 (poor correspondence between local and global structure; the need for good initial points),
Goodfellow (2-D subspace and 1-D subspace visualization, "the wrong side of the mountain", functions that lack
critical points), and the research overview of seed 004 (Draxler et al., essentially no barriers).
"""),
("markdown", r"""
The first code cell makes the library available (a no-op in the Descent kernel, where it is preloaded).
"""),
("code", r'''#load "descent.csx"'''),
("markdown", r"""
## 1. The local picture can be perfect and still mislead

Seed 000: it is possible to overcome ill-conditioning, cliffs and saddles at the current point and still perform
poorly *if the direction that makes most improvement locally does not point towards distant regions of much lower
cost*. The number that says so is the angle between the steepest-descent direction $-g$ and the direction to the
global minimizer $\theta^*$:

$$\cos\angle\big(-g(\theta_0),\ \theta^* - \theta_0\big) = \frac{-g^\top(\theta^* - \theta_0)}{\lVert g\rVert\,\lVert\theta^* - \theta_0\rVert}.$$

A negative cosine means that every small step downhill moves *away* from the global minimum. `WrongSideOfMountain` is
a bowl around a deep minimum near $(3, 0)$ with a Gaussian mountain at the origin and a shallow basin behind it; its
`Start` $(-1.2, 0.3)$ lies on the far slope of the mountain:
"""),
("code", r'''var mountain = new WrongSideOfMountain();
var g = mountain.Gradient(mountain.Start); var toGlobal = mountain.GlobalMinimizer - mountain.Start;
$"{mountain}\ncos∠(−g, θ* − θ₀) = {-g.DotProduct(toGlobal) / (g.L2Norm() * toGlobal.L2Norm()):G3}"'''),
("markdown", r"""
The cosine is about $-0.97$: the locally best direction points more than 160° away from where we want to go.

## 2. The wrong side of the mountain

Gradient descent ($\epsilon = 0.25$) from that start does exactly what the local picture says. On the left it rolls into
the shallow basin behind the mountain and stops there, at a loss far above the global minimum. On the right the same
surface without the shallow basin ($d = 0$): now it does reach the global minimum, but only by "circumnavigating a tall
mountain via an indirect arcing path" (seed 000).
"""),
("code", r'''var stuck = Trainer.Run(mountain, Optimizers.GradientDescent(0.25), mountain.Start, new TrainingOptions { MaxSteps = 400, GradientTolerance = 1e-6 });
var flat = new WrongSideOfMountain(localBasinDepth: 0);
var detour = Trainer.Run(flat, Optimizers.GradientDescent(0.25), flat.Start, new TrainingOptions { MaxSteps = 5000, GradientTolerance = 1e-6 });
$"with the basin: {stuck.Message}\nwithout it: {detour.Message}"'''),
("code", r'''Plot.Grid([Plot.Contour(mountain, [stuck], ["GD, ε = 0.25"]), Plot.Contour(flat, [detour], ["GD, ε = 0.25"])], titles: ["d = 1: stops behind the mountain", "d = 0: a long detour"])'''),
("code", r'''$"with the basin: L = {stuck.Loss:G3} after {stuck.Steps} steps (global minimum {mountain.Value(mountain.GlobalMinimizer):G3}); " +
$"without: path length {detour.StepLengths.Sum():G3} for a straight distance of {(flat.GlobalMinimizer - flat.Start).L2Norm():G3}, {detour.Steps} steps"'''),
("markdown", r"""
The detour is more than twice as long as the straight line (`BasinMapTests` and `WrongSideOfMountainTests` assert
both behaviours).

### Which starts succeed? A basin map

Run the same gradient descent from every point of a 41 × 41 grid and colour each start by where it ends. The **success
rate** is the fraction of starts that reach the global minimum:
"""),
("code", r'''var map = new BasinMap().Run();
map'''),
("code", r'''Plot.BasinMap(map, [Trajectory.From(stuck, "from Start")])'''),
("markdown", r"""
About three quarters of the box reaches the global minimum and a quarter ends in the worse basin: the boundary between
them runs along the mountain's ridge, not along anything visible in the gradient at the start. This is why research on
optimization for such problems looks for *good initial points* (seed 000). Hover over a cell to see how many steps it
took.
"""),
("markdown", r"""
**Is noise enough to get out?** Seed 002 warns that "stochasticity alone is not always enough to escape local
minima". Add Gaussian noise of standard deviation $s$ to every gradient for 400 steps from the start behind the
mountain, then let plain descent settle the run, and count where 40 seeded runs end:
"""),
("code", r'''var noisy = new NoisyEscape().Run();
noisy'''),
("markdown", r"""
Noise up to $s \approx 0.5$ changes nothing — every run settles back into the shallow basin — and even $s = 1$ frees
only a few; only noise comparable to the gradients themselves ($s \ge 2$) carries most runs over the ridge. Minibatch
noise in real training is usually much smaller than that. `SeedGapExperimentsTests` asserts the counts' pattern.

## 3. Functions with no critical point

Seed 003: *some functions lack critical points*, and then gradient descent never stops. The simplest smooth example is

$$L(\theta) = a^\top\theta + \sum_i \operatorname{softplus}(\theta_i), \qquad \nabla_i L = a_i + \sigma(\theta_i),$$

and because $\sigma$ takes every value in $(0, 1)$ but never 0 or 1, $\lVert\nabla L(\theta)\rVert \ge \beta = \sqrt{\sum_i \operatorname{dist}(a_i, [-1, 0])^2} > 0$
everywhere when some $a_i$ lies outside $[-1, 0]$. With $a = (-1.5, 0.5)$, $\beta = \sqrt{0.5^2 + 0.5^2} \approx 0.707$:
"""),
("code", r'''var nocp = new NoCriticalPoint();
var nocpRun = Trainer.Run(nocp, Optimizers.GradientDescent(1.0), Point.Of(0, 0), new TrainingOptions { MaxSteps = 2000 });
$"{nocp}\nafter {nocpRun.Steps} steps: min ‖g‖ = {nocpRun.GradientNorms.Min():G4} ≥ β = {nocp.GradientNormLowerBound:G4}; loss {nocpRun.Losses[0]:G3} → {nocpRun.Loss:G5}"'''),
("code", r'''Plot.TrainingCurves([nocpRun], ["GD, ε = 1"], logY: false)'''),
("markdown", r"""
The loss falls by a constant amount per step forever: the descent lemma with $M = \tfrac14$ guarantees a decrease of at
least $\epsilon(1 - \epsilon M/2)\beta^2$ per step (asserted in `SeparableNormGrowthTests`).

### The same thing in a real loss: softmax cross-entropy on separable data

A linear classifier with softmax cross-entropy on linearly separable data has no minimizer either: scaling up a
separating $\theta$ always lowers the loss, which approaches 0 but never reaches it. Soudry, Hoffer, Nacson, Gunasekar
& Srebro (2018, arXiv:1710.10345) showed that gradient descent then follows

$$\theta(t) = \hat\theta \,\frac{\ln t}{\sqrt 2} + \rho(t), \qquad \rho(t) \text{ bounded},$$

with $\hat\theta$ the unit direction of the hard-margin SVM, so $\lVert\theta\rVert$ grows like $\ln t$ and $L$ and $\lVert g\rVert$ shrink
only like $1/t$. The data here are built so the max-margin separator is known by hand ($v = (1, 0)$, margin 1 at two
anchor points $(\pm1, 0)$; the $1/\sqrt2$ comes from the two class weight vectors sharing it, $w_0 = -w_1$). A live run of
20,000 steps:
"""),
("code", r'''var sep = new SeparableNormGrowth().Run(new SeparableNormGrowthParameters { Steps = 20_000 });
sep'''),
("markdown", r"""
The $10^5$-step run takes longer than a live cell, so the CLI stored it in `data/07-separable-norm-growth.csv`
(regenerate with `dotnet run --project src/Descent.Cli -- experiment run separable-norm-growth --out data/07-separable-norm-growth.csv`,
then restore the comment line that names the command):
"""),
("code", r'''var full = SeparableNormGrowth.LoadStored();
full'''),
("code", r'''double[] ts = [.. full.Steps.Select(s => (double)s)], live = [.. sep.Steps.Select(s => (double)s)];
Plot.Grid([Plot.Curves([new("‖θ‖ (10⁵ steps, stored)", full.ThetaNorms, ts), new("‖θ‖ (live)", sep.ThetaNorms, live), new("ln t / √2 + c (theory)", full.PredictedNorms, ts)], yTitle: "‖θ‖", logX: true),
           Plot.Curves([new("‖g‖", full.GradientNorms, ts), new("loss", full.Losses, ts)], yTitle: "value", logX: true, logY: true)], titles: ["weight norm (log t axis)", "gradient norm and loss (log–log)"])'''),
("markdown", r"""
The live run lies exactly on the stored one (same seed, same arithmetic). On a logarithmic time axis
$\lVert\theta\rVert$ becomes a straight line parallel to $\ln t/\sqrt2$, and $\lVert g\rVert$ falls with
slope $-1$ on the log–log plot: it tends to 0, so a gradient-norm stopping rule eventually fires, but there is no point
where it is 0. Over the last decade of the stored run the slope is 0.696 per unit of $\ln t$ against the predicted
$1/\sqrt2 = 0.707$, and $t\lVert g\rVert$ stays constant to 3 % (`SeparableNormGrowthTests`, which also checks that the stored
file is exactly what the code produces).

## 4. A real network, along a straight line (Goodfellow, Vinyals & Saxe 2015)

Goodfellow, Vinyals & Saxe (2015, arXiv:1412.6544) asked whether neural-network training meets the obstacles above.
Their tool, as seed 003 presents it: evaluate the loss along the straight line

$$\theta(\alpha) = (1 - \alpha)\,\theta_0 + \alpha\,\theta^*, \qquad \alpha \in [-0.5, 1.5],$$

from the initialization $\theta_0$ ($\alpha = 0$) to the solution $\theta^*$ SGD found ($\alpha = 1$). Here: a tanh MLP
64–16–10 (1,210 parameters) trained on the digits by SGD (1,000 steps, $\epsilon = 0.1$, batches of 32).
"""),
("code", r'''var net = new DigitsNetwork();
var runA = net.Fit(net.Initialize(seed: 1), seed: 1);
runA'''),
("code", r'''var interp = LinearInterpolation.Along(net, runA);
interp'''),
("code", r'''Plot.Slice1D([new Series("train", interp.TrainLosses, interp.Alphas), new Series("validation", interp.ValidationLosses, interp.Alphas)], title: "Loss along (1 − α)θ₀ + αθ*")'''),
("markdown", r"""
The curve is smooth and falls monotonically from $\theta_0$ to $\theta^*$ — largest rise 0, barrier 0, no local minimum
or plateau on the way — just as Goodfellow et al. found for maxout networks on MNIST. Yet SGD's own path from $\theta_0$
to $\theta^*$ was about 1.8 times as long as the line (`PathToDistanceRatio`): training does not go straight even
when a straight path exists. Past $\alpha = 1$ the validation loss keeps falling for a little while (SGD stopped short
of the valley floor), then rises. `LinearInterpolationTests` asserts each of these statements.
"""),
("markdown", r"""
**Other models, and a failed run.** Goodfellow et al. found the same picture for other activation functions,
convolutional networks, LSTMs and a generative MP-DBM. The library cannot train those, so here are its nearest
stand-ins — a ReLU MLP, a tanh RNN trained on the memory task (for the LSTM), an RBM trained with its exact gradient
(for the MP-DBM; its loss is the exact negative log-likelihood) — plus a run that *fails*: weights initialized 8× too
large, so the tanh units saturate. Seed 003's warning, "history is written by the winners", is why it is here.
"""),
("code", r'''var others = new ModelInterpolations().Run();
others'''),
("code", r'''Plot.Curves(others.Lines.Select(l => new Series(l.Name, l.Losses.Select(v => v / l.EndValues.Start).ToArray(), l.Alphas)), xTitle: "α", yTitle: "L(θ(α)) / L(θ₀)", title: "Other models along (1 − α)θ₀ + αθ*", logY: true)'''),
("markdown", r"""
Every curve falls from $\theta_0$ to $\theta^*$ without a bump (largest rise 0) — including the failed run, which ends
six times higher than the standard one. So the 1-D picture cannot tell a success from a failure: it shows that a
monotone path *exists*, not why SGD did or did not find a good end point.

**A control: would any path look like this?** Goodfellow et al. projected a random walk the same way. Here a walk
from $\theta_0$ takes steps of the same lengths as SGD's (between snapshots) in random directions, and both paths are
measured against the line $\theta_0 \to \theta^*$: progress $\alpha$ along it and distance $\rho$ from it, in units of
$\lVert\theta^* - \theta_0\rVert$.
"""),
("code", r'''var control = RandomWalkControl.Compare(net, runA);
control'''),
("code", r'''Plot.Curves([new("SGD", control.Rows.Select(r => r.SgdResidual).ToArray(), control.Rows.Select(r => r.SgdAlpha).ToArray()), new("random walk", control.Rows.Select(r => r.WalkResidual).ToArray(), control.Rows.Select(r => r.WalkAlpha).ToArray())], xTitle: "α (progress along θ₀ → θ*)", yTitle: "ρ (distance from the line)", title: "SGD vs a random walk of equal steps")'''),
("markdown", r"""
The random walk makes no progress along the line and drifts away from it while its loss does not fall; SGD moves
steadily along the line with a small, closing detour. The structure in the pictures is SGD's, not the projection's.

## 5. A 2-D slice with filter-normalized directions

One line hides everything off it. A plane through $\theta^*$ shows more:

$$\theta(\alpha, \beta) = (1 - \alpha)\,\theta_0 + \alpha\,\theta^* + \beta\, d,$$

spanned by $\theta_0 - \theta^*$ and a random Gaussian direction $d$ that Li, Xu, Taylor, Studer & Goldstein (2018,
arXiv:1712.09913) normalize **filter by filter**: each unit's incoming weights $d_{\ell,j}$ are rescaled to the norm of the
same unit's weights in $\theta^*$, $d_{\ell,j} \leftarrow d_{\ell,j}\,\lVert\theta^*_{\ell,j}\rVert / \lVert d_{\ell,j}\rVert$ (biases 0), so that every
unit moves by the same relative amount. SGD's snapshots are projected onto the plane by least squares. The grid is
17 × 17 (289 evaluations of the full training loss):
"""),
("code", r'''var slice = LossSlice.Through(net, runA);
slice'''),
("code", r'''Plot.LossSlice(slice)'''),
("markdown", r"""
Along $\alpha$ the slice repeats the 1-D picture; along the random direction the loss rises on both sides, and the
region around $\theta^*$ is one wide, smooth valley — no sign of the obstacles of section 2. But the projected path
(◆ → ★) is a straight line: a random direction is almost orthogonal to everything SGD did, and the summary says the
iterates lie mostly *outside* this plane. So take the second direction from the trajectory itself, in the spirit of
Goodfellow et al.'s trajectory plots: the part of $\theta_k - \theta^*$ orthogonal to $\theta_0 - \theta^*$ at the snapshot where it is largest, so the
plane contains $\theta_0$, $\theta^*$ and SGD's widest detour ($\beta = 1$ there):
"""),
("code", r'''var detourSlice = LossSlice.Through(net, runA, betaExtent: 1.5, direction: SliceDirection.PathDeviation);
detourSlice'''),
("code", r'''Plot.LossSlice(detourSlice)'''),
("markdown", r"""
Now the path visibly bends away from the straight line and comes back, while the loss surface under it is smooth and
has no obstacle the line would have to cross: SGD's detour is not forced by the landscape in this plane. Still, read
2-D pictures with care — a 1,210-dimensional path has many more directions than two.

## 6. Initialization decides the basin

Seed 001: "initialization is really important". The same network and the same SGD from two seeds and three scales of
the Glorot initialization (×0.1, ×1, ×4), 400 steps each, and the loss along the straight line between the two seeds'
solutions at each scale (`initialization-basins` on the command line runs the 1,000-step version the tests check):
"""),
("code", r'''var inits = new InitializationBasins().Run(new InitializationBasinsParameters { Steps = 400 });
inits'''),
("code", r'''Plot.Curves(inits.Scales.Select((s, k) => new Series($"Glorot × {s:G2}", inits.LineLosses[k], inits.T)), xTitle: "t (seed 1 → seed 2)", yTitle: "training loss", title: "The line between two solutions from different seeds")'''),
("markdown", r"""
Every seed reaches a good training loss, but the two solutions of each scale are different points separated by a
barrier: the straight line between them climbs to several times their loss. The scale matters too: at ×4 the tanh
units saturate, the start has a much higher loss and after the same budget the loss is about twice that of ×1, with a
much worse validation error. Where you start decides where you end.

## 7. Mode connectivity (Draxler et al. 2018; Garipov et al. 2018)

Are two such solutions in *different* valleys? Draxler, Veschgini, Salmhofer & Hamprecht (2018, arXiv:1803.00885) —
seed 004 — and Garipov, Izmailov, Podoprikhin, Vetrov & Wilson (2018, arXiv:1802.10026) found that they are usually
joined by a curved path of almost constant low loss. With one trainable bend point $\theta_b$, the quadratic Bézier
curve is

$$\varphi(t) = (1 - t)^2\,\theta_A + 2t(1 - t)\,\theta_b + t^2\,\theta_B, \qquad t \in [0, 1],$$

and $\theta_b$ is trained by SGD on the loss averaged over the path, $\mathbb{E}_{t \sim U(0, 1)}\, L(\varphi(t))$: draw $t$ and a
minibatch, step $\theta_b \leftarrow \theta_b - \epsilon\, 2t(1 - t)\,\nabla L(\varphi(t))$. The **barrier** of a path is how far its
loss rises above the chord between its end values,

$$B = \max_t \Big[L(\varphi(t)) - \big((1 - t)L(\theta_A) + tL(\theta_B)\big)\Big].$$

Network A is the one from section 4; network B differs only in its seed:
"""),
("code", r'''var runB = net.Fit(net.Initialize(seed: 2), seed: 2);
var modes = ModeConnectivity.Between(net, runA, runB);
modes'''),
("code", r'''Plot.Curves([new("straight line", modes.LineTrainLosses, modes.T), new("trained Bézier curve", modes.CurveTrainLosses, modes.T),
             new("straight line (validation)", modes.LineValidationLosses, modes.T), new("Bézier curve (validation)", modes.CurveValidationLosses, modes.T)], xTitle: "t (θ_A → θ_B)", yTitle: "loss", title: "Line vs trained curve between two solutions")'''),
("markdown", r"""
The straight line crosses a barrier of about 0.47 — ten times the endpoint losses — while the trained curve's barrier is
about a tenth of that; the validation loss along the curve stays near its endpoint values too. A polygonal chain with one
bend does as well:
"""),
("code", r'''ModeConnectivity.Between(net, runA, runB, CurveKind.PolyChain)'''),
("markdown", r"""
So the two minima that looked separated by a mountain on the straight line lie in one connected low valley: the
"barrier" was a property of the straight line, not of the landscape. `ModeConnectivityTests` asserts line barrier
> 0.3 and curve barrier < 25 % of it for the default run (`descent experiment run mode-connectivity`).

## Exercises

Replace `double.NaN` with your answer — ideally a computation with the library — and run the cell.
"""),
]

student_exercises = []
for k in range(1, 5):
    student_exercises += [("code", f'Check.Prompt("07.{k}")'), ("code", f'Check.Exercise("07.{k}", double.NaN)')]

outro = [
("markdown", r"""
Worked solutions: `notebooks/solutions/07-local-vs-global.ipynb`.

## What to try next

- Make the mountain lower (`new BasinMapParameters { MountainHeight = 1.5 }`) or the step larger (`LearningRate = 0.9`):
  how does the success rate change, and where do the basin boundaries move?
- Train network B with `net.Initialize(seed: 2, scale: 4)` and connect it to network A: is a one-bend curve still enough?
- Widen the network (`new DigitsNetwork([64])`): Draxler et al. found larger networks better connected. Do the line
  barrier and the curve barrier between two seeds fall with width?
- Extend the library (docs/extend.md, chapter 07): implement `BezierPath.Point` and `BezierPath.BendWeight` in
  `extend/Chapter07.cs`, check them with `dotnet test extend --filter Chapter07`, and compare with
  `ModeConnectivity.PointOn` and `ModeConnectivity.BendWeight`. Then try a cubic Bézier curve with two bends.
"""),
]

solutions = [
("markdown", r"""
# 07 — Poor correspondence between local and global structure: worked solutions

Each answer is computed with the library, then checked.
"""),
("code", r'''#load "descent.csx"'''),
("markdown", r"""
**07.1** Sample the segment from the local to the global minimum, then subtract the chord $(1 - t)L(0) + tL(1)$ at each
$t$ and take the maximum (`LossBarrier.Height` does exactly this):
"""),
("code", r'''var m = Chapter07Exercises.Mountain; var a = m.LocalMinimizer!; var b = m.GlobalMinimizer;
var losses = Enumerable.Range(0, 101).Select(k => m.Value(a + k / 100.0 * (b - a))).ToArray();
Check.Exercise("07.1", LossBarrier.Height(losses))'''),
("markdown", r"""
**07.2** Read the grid at the smallest validation loss. It lies past $\alpha = 1$: SGD stopped before the bottom of the
valley, and the straight line keeps going downhill for a while.
"""),
("code", r'''var r = new LinearInterpolation().Run();
Check.Exercise("07.2", r.Alphas[Array.IndexOf(r.ValidationLosses, r.ValidationLosses.Min())])'''),
("markdown", r"""
**07.3** Run gradient descent and read the final loss; comparing the end point with both minimizers tells which basin
the start belongs to.
"""),
("code", r'''var end = Trainer.Run(Chapter07Exercises.Mountain, Optimizers.GradientDescent(0.25), Chapter07Exercises.Start, new TrainingOptions { MaxSteps = 1000, GradientTolerance = 1e-9 });
$"ends at ({end.Theta[0]:G4}, {end.Theta[1]:G4}); global minimizer {Chapter07Exercises.Mountain.GlobalMinimizer[0]:G4}, {Chapter07Exercises.Mountain.GlobalMinimizer[1]:G4}"'''),
("code", r'''Check.Exercise("07.3", end.Loss)'''),
("markdown", r"""
**07.4** One decade adds $\ln 10$ to $\ln t$, so $\lVert\theta\rVert$ grows by $\ln 10/\sqrt2 \approx 1.63$ (the $10^5$-step run
measures 1.60):
"""),
("code", r'''Check.Exercise("07.4", Math.Log(10) / Math.Sqrt(2))'''),
]

nbgen.write(os.path.join(ROOT, "notebooks", NAME + ".ipynb"), intro + student_exercises + outro, "ch07")
nbgen.write(os.path.join(ROOT, "notebooks", "solutions", NAME + ".ipynb"), solutions, "ch07s")
