"""Writes notebooks/03-saddles-and-plateaus.ipynb and notebooks/solutions/03-saddles-and-plateaus.ipynb (sources only;
`descent run` stores the outputs)."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import nbgen  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NAME = "03-saddles-and-plateaus.ipynb"

chapter = [
("markdown", r"""
# 03 — Saddle points, plateaus and flat regions

**Learning goals.** After this chapter you can classify a critical point by the signs of its Hessian's eigenvalues and
compute its **index**; explain with the closed-form flow $\theta(t) = \theta_0 - Q\Lambda'(t)Q^\top g$ why gradient descent
flees a saddle while Newton's method jumps onto it; say why the starts that converge to a saddle form a set of measure
zero, and how long gradient descent nevertheless lingers there (about $\ln(1/\delta)/\ln(1 + \epsilon|\lambda|)$ steps);
use perturbed gradient descent and saddle-free Newton to escape faster; state the coin-flip argument and check it on random
matrices and on the critical points of a real (small) network; derive Saxe's sigmoidal learning curves of deep linear
networks and the effect of depth and orthogonal initialization; recognise plateaus made by saturated units; and compare a
flat and a sharp minimum by their Hessian traces.

Seeds: Srihari's "Saddle points" slides (001), Goodfellow's "Gradient descent flees saddle points" and the coin-flip
argument (003), the UvA notes on plateaus and flat vs steep minima (002), the lecture outline (000), and the convergence
notes on linearization, "saddles are evaded" and Jin et al. (004). Notation: $\theta$ parameters, $L$ loss, $g$ gradient,
$H$ Hessian with eigenvalues $\lambda_i$, $\epsilon$ the learning rate (step size).
"""),
("markdown", r"""
The first code cell makes the library available (a no-op in the Descent kernel, where it is preloaded).
"""),
("code", r'''#load "descent.csx"'''),

("markdown", r"""
## 1. Saddles in two and in many dimensions

At a critical point $g = 0$ the second-order model is $L(\theta^* + d) \approx L(\theta^*) + \tfrac12 d^\top H d$. If all
$\lambda_i > 0$ it is a minimum, all $\lambda_i < 0$ a maximum, both signs a **saddle**: a minimum along some
cross-sections and a maximum along others. Its **index** is the number of negative eigenvalues — the number of
independent ways down. The textbook saddle $L = x_1^2 - x_2^2$ has $H = \mathrm{diag}(2, -2)$:
"""),
("code", r'''var saddle = new SaddleQuadratic();
saddle'''),
("code", r'''CriticalPoint.Classify(saddle, Point.Of(0, 0))'''),
("code", r'''Plot.Surface(saddle, box: PlotBox.Square(1.5), title: "x₁² − x₂²: up along x₁, down along x₂")'''),
("markdown", r"""
The **monkey saddle** $x^3 - 3xy^2$ has three valleys and a Hessian that vanishes at the origin: every direction has zero
curvature, so the second-order test cannot decide (`Degenerate`), yet $L = r^3\cos 3\varphi$ takes both signs arbitrarily close.
"""),
("code", r'''var monkey = new MonkeySaddle();
CriticalPoint.Classify(monkey, Point.Of(0, 0))'''),
("code", r'''Plot.Surface(monkey, box: PlotBox.Square(1.2), title: "Monkey saddle x³ − 3xy²")'''),
("markdown", r"""
In $n$ dimensions, `IndexSaddle(n, k)` is $\tfrac12\sum_{\text{stable}}\lambda_i\theta_i^2 + \sum_{\text{escape}}
(-\tfrac12\lambda_i\theta_i^2 + \tfrac14\theta_i^4)$: a saddle of index $k$ at the origin, confined by a quartic so that escaping
runs land in a minimum. Its $3^k$ critical points are known exactly, and already show the pattern of section 5 — the higher
the index, the higher the loss:
"""),
("code", r'''var saddle10 = new IndexSaddle(10, 3);
var known = saddle10.KnownCriticalPoints;
known.GroupBy(p => p.Index).Select(g => $"index {g.Key}: {g.Count()} points, L = {g.First().Value:G3}")'''),
("markdown", r"""
Not every curved surface hides saddles. Baity-Jesi et al.'s picture of a loss with few, connected minima (2018,
arXiv:1803.06969; seed 004),
$L(w_1, w_2) = (w_2 - w_1^2)^2 + \varepsilon w_1^2$, is strongly non-linear but has a single critical point, the minimum at the
origin with $H = \mathrm{diag}(2\varepsilon, 2)$; with $\varepsilon = 0$ the whole parabola $w_2 = w_1^2$ is a connected set of minima,
each with a zero eigenvalue along the valley:
"""),
("code", r'''var valley = new BaityJesiValley(0.1);
var valleyRun = Trainer.Run(valley, Optimizers.GradientDescent(0.05), Point.Of(-1.8, 2.5), new TrainingOptions { MaxSteps = 400 });
Plot.Contour(valley, [valleyRun], ["GD, ε = 0.05"], logLevels: true)'''),
("code", r'''(CriticalPoint.Classify(valley, Point.Of(0, 0)), CriticalPoint.Classify(new BaityJesiValley(0), new BaityJesiValley(0).FloorPoint(1.0)).Kind)'''),

("markdown", r"""
## 2. Gradient descent flees a saddle; Newton's method is attracted to it

Near $\theta_0$ with gradient $g$ and Hessian $H = Q\Lambda Q^\top$, gradient flow on the second-order model,
$\frac{d}{dt}\theta(t) = -g - H(\theta(t) - \theta_0)$, has the closed form (Goodfellow, seed 003)

$$\theta(t) = \theta_0 - Q\,\Lambda'(t)\,Q^\top g, \qquad \lambda'(t) = \frac{1 - e^{-\lambda t}}{\lambda}.$$

For $\lambda > 0$ the weight saturates at $1/\lambda$; for $\lambda < 0$ it grows like $e^{|\lambda| t}$: the flow is
**repelled** along negative curvature. Gradient descent with step $\epsilon$ is the same with
$\lambda'_k = (1 - (1 - \epsilon\lambda)^k)/\lambda$. On $x_1^2 - x_2^2$ the model is exact, so the iterates must sit on the
closed form — checked here to rounding, and for small $\epsilon$ close to the continuous curve:
"""),
("code", r'''var theta0 = Point.Of(1.0, 0.02); double eps = 0.05;
var flow = LinearizedFlow.At(saddle, theta0);
var gd = Trainer.Run(saddle, Optimizers.GradientDescent(eps), theta0, new TrainingOptions { MaxSteps = 40 });
gd'''),
("code", r'''$"max over k of ‖θₖ − (θ₀ − QΛ'ₖQᵀg)‖ = {gd.Thetas.Select((t, k) => (t - flow.AfterSteps(eps, k)).L2Norm()).Max():G2}; " +
$"‖θ₄₀ − θ(t = 40ε)‖ = {(gd.Theta - flow.At(40 * eps)).L2Norm():G3} (Euler's O(ε) gap to the flow)"'''),
("code", r'''var times = Enumerable.Range(0, 81).Select(i => i * 0.025).ToArray();
Plot.Contour(saddle, [Trajectory.From(gd, "GD iterates, ε = 0.05"), Trajectory.From("closed form θ(t)", flow.Path(times))], new PlotBox(-1.2, 1.2, -1.2, 1.2))'''),
("markdown", r"""
Newton's method solves $g + H(\theta - \theta_0) = 0$ — it jumps to the critical point of the model, whatever its index.
On a quadratic saddle that is the saddle itself, in one step:
"""),
("code", r'''Trainer.Run(saddle, Optimizers.Newton(), theta0, new TrainingOptions { MaxSteps = 5, GradientTolerance = 1e-12 })'''),
("markdown", r"""
**Saddle-free Newton** (Dauphin et al. 2014, arXiv:1406.2572) rescales by $|H|^{-1} = Q|\Lambda|^{-1}Q^\top$ instead: Newton's
step sizes, but always downhill, so negative curvature pushes it *away*. On $L = \tfrac12x^2 - \tfrac12y^2 + \tfrac14y^4$
(saddle at the origin, minima at $(0, \pm 1)$), from the same start:
"""),
("code", r'''var confined = SaddleAttraction.Surface; var start = Point.Of(0.8, 0.3);
var methods = new[] { Optimizers.GradientDescent(0.1), Optimizers.Newton(), Optimizers.SaddleFreeNewton() };
var threeRuns = methods.Select(o => Trainer.Run(confined, o, start, new TrainingOptions { MaxSteps = 60, GradientTolerance = 1e-10 })).ToArray();
string.Join("\n", threeRuns.Select(r => $"{r.Optimizer}: {r.Message}"))'''),
("code", r'''Plot.Contour(confined, threeRuns, ["gradient descent", "Newton", "saddle-free Newton"], new PlotBox(-1, 1, -1.3, 1.3))'''),
("code", r'''string.Join("\n", threeRuns.Select((r, i) => $"{methods[i].Name}: θ = ({r.Theta[0]:G3}, {r.Theta[1]:G3}), L = {r.Loss:G3} after {r.Steps} steps"))'''),
("markdown", r"""
From many random starts in $[-1, 1]^2$: Newton's $y$-update is $y \mapsto 2y^3/(3y^2 - 1)$, which shrinks $|y|$ whenever
$y^2 < 1/5$, so it converges to the saddle from a whole strip $|y| < 1/\sqrt5 \approx 0.447$ — a set of *positive* measure.
Gradient descent and saddle-free Newton never end there:
"""),
("code", r'''var attraction = new SaddleAttraction().Run(new SaddleAttractionParameters { Starts = 100 });
attraction'''),

("markdown", r"""
## 3. The starts that converge to a saddle have measure zero

Linearize gradient descent at a critical point $W_*$ (seed 004):
$W^{(n+1)} - W_* = (1 - \alpha H)(W^{(n)} - W_*) + o(|W^{(n)} - W_*|)$. Components along $\lambda > 0$ shrink (for small
$\alpha$), components along $\lambda < 0$ grow by $1 + \alpha|\lambda|$ per step. So GD converges to a saddle only if it
starts *exactly* on the stable manifold (here the line $y = 0$), a set of Lebesgue measure zero (Lee et al. 2016,
arXiv:1602.04915). From $(1, \delta)$ the escape coordinate needs about $\ln(R/\delta)/\ln(1 + \epsilon|\lambda|)$ steps to reach
$|y| = R$ — the time spent near the saddle grows only like $\ln(1/\delta)$:
"""),
("code", r'''var manifold = new StableManifold().Run();
manifold.ToTable()'''),
("code", r'''var off = manifold.Rows.Where(r => r.Offset > 0).ToArray(); var logDelta = off.Select(r => Math.Log10(r.Offset)).ToArray();
Plot.PointsAndCurves([new("measured escape step", off.Select(r => (double)r.EscapeSteps).ToArray(), logDelta)],
    [new("ln(R/δ)/ln(1 + ε|λ|)", off.Select(r => (double)r.PredictedSteps).ToArray(), logDelta)], "log₁₀ δ", "steps until |y| ≥ 0.1")'''),
("markdown", r"""
The start on the manifold ($\delta = 0$) converges to the saddle: its distance after 1000 steps is $0.9^{1000} \approx 10^{-46}$.
Every other start escapes, between the bounds $\lceil\ln(R/\delta)/\ln(1+\epsilon)\rceil$ and
$\lceil\ln(R/\delta)/\ln(1+\epsilon(1-R^2))\rceil$ that the quartic allows (`StableManifoldTests` asserts both).

## 4. Escaping faster: perturbed gradient descent

"Saddle points can slow down optimization; perturbing the GD can help" (seed 004; Jin, Ge, Netrapalli, Kakade & Jordan 2017,
arXiv:1703.00887). Perturbed GD adds $\xi$, uniform in a ball of radius $r$, whenever $\|g\| \le g_{\text{thres}}$ (at most once
every $t_{\text{thres}}$ steps). Near a strict saddle in $n = 10$ dimensions, seeded runs start at distance 1 along a stable
direction, only $\sim 10^{-10}$ off the stable manifold; a run has escaped once $L \le -1/8$ (120 runs here; the CLI's
`saddle-escape` runs 200):
"""),
("code", r'''var escape = new SaddleEscape().Run(new SaddleEscapeParameters { Runs = 120 });
escape'''),
("code", r'''Plot.Histograms([new("plain GD", SaddleEscapeResult.Escaped(escape.GradientDescent)), new("perturbed GD (r = 0.01)", SaddleEscapeResult.Escaped(escape.Perturbed))],
    bins: 40, xTitle: "steps to escape (L ≤ −1/8)")'''),
("markdown", r"""
Plain GD escapes too — but only after the tiny escape component has been multiplied by $1.1^k$ long enough; its time is
set by $\ln(1/|\xi_{\text{esc}}|)$ (`SaddleEscapeTests` reproduces every plain-GD escape step from the one-dimensional
recursion). Perturbed GD's kick has size $\sim r/\sqrt n$ and ends the wait at once.

**Time spent near saddles.** The loss sits on a plateau at the saddle's value $L = 0$ while $\|g\|$ dips by many orders of
magnitude — slow, not stuck:
"""),
("code", r'''Plot.Grid([Plot.Losses([escape.ExampleGradientDescent, escape.ExamplePerturbed], ["plain GD", "perturbed GD"], logY: false),
           Plot.GradientNorms([escape.ExampleGradientDescent, escape.ExamplePerturbed], ["plain GD", "perturbed GD"])], titles: ["loss", "‖g‖"])'''),

("markdown", r"""
## 5. The coin-flip argument: are saddles or minima more common?

Seed 003: imagine that each eigenvalue's sign is a coin flip. A minimum needs all heads, probability $2^{-n}$ — exponentially
rare in high dimension. Random matrix theory sharpens it: the eigenvalues of a large random symmetric (GOE) matrix,
scaled to $H = (A + A^\top)/\sqrt{2n}$, fill **Wigner's semicircle** $\rho(\lambda) = \sqrt{4 - \lambda^2}/(2\pi)$ on $[-2, 2]$, half
negative, and because eigenvalues repel, "all positive" is even rarer than $2^{-n}$ (for $n = 2$ it is exactly
$(2 - \sqrt2)/4 \approx 0.146$). And the coin is **weighted**: at a critical point with lower loss the spectrum is shifted
right by some $\mu$, and the index becomes the semicircle mass below $-\mu$, $\alpha = F_{sc}(-\mu)$ (Bray & Dean 2007,
arXiv:cond-mat/0611023).
"""),
("code", r'''var goe = new RandomHessians().Run(new RandomHessiansParameters { Samples = 20, CoinSamples = 4000, CoinSizes = [1, 2, 3, 4, 5] });
goe.ToTable()'''),
("code", r'''Plot.SpectralDensity([new("GOE eigenvalues (n = 100, 20 matrices)", goe.Histogram.Density, goe.Histogram.Centers), new("semicircle √(4 − λ²)/2π", goe.Semicircle, goe.Grid)])'''),
("code", r'''Plot.PointsAndCurves([new("index of GOE + μI (n = 100)", goe.Shifted.Select(s => s.MeasuredIndex).ToArray(), goe.Shifted.Select(s => s.Shift).ToArray())],
    [new("F_sc(−μ)", goe.Grid.Select(m => RandomSymmetric.ShiftedIndexFraction(m)).ToArray(), goe.Grid)], "shift μ (larger = lower loss)", "index α")'''),
("markdown", r"""
**On a real network** (Dauphin et al. 2014, Fig. 1): critical points of a tanh network 2-4-1 on XOR (squared error, a small L2
term, $n = 17$ parameters) found by minimizing $\|\nabla L\|^2$ — a Levenberg–Marquardt iteration for $g(\theta) = 0$ that
converges to critical points of any index — started from points along gradient-descent runs, each classified with its exact
Hessian. A small live run, next to the stored full run (24 initializations):
"""),
("code", r'''var live = new CriticalPointIndex().Run(new CriticalPointIndexParameters { Runs = 1 });
var stored = StoredTable.Load("03-critical-point-index.csv");
(live.Summary, stored.ToString())'''),
("code", r'''Plot.PointsAndCurves([new("stored run (24 inits)", stored.Column("index_fraction"), stored.Column("loss")), new("live run", live.IndexFractions, live.Losses)],
    xTitle: "loss L at the critical point", yTitle: "index α (fraction of negative eigenvalues)", logX: true)'''),
("code", r'''$"Spearman correlation of loss and index: stored {SampleStatistics.Spearman(stored.Column("loss"), stored.Column("index_fraction")):F2}, live {live.RankCorrelation:F2}"'''),
("markdown", r"""
The highest-loss critical point, $L \approx 0.125 = \tfrac12\operatorname{Var}(y)$, is the "network does nothing" point, with
index 4; the minima (index 0) are the two lowest levels found, and every saddle of index 3 or 4 lies above every
minimum (saddles of index 1 mix in near the bottom). Saddles of high loss, minima of low loss — the coin is weighted, as
seed 003 says. `CriticalPointIndexTests` asserts that every point has $\|g\| \le 10^{-9}$, that its index agrees with an
independent eigendecomposition, the positive rank correlation and the ordering of minima below high-index saddles.

## 6. Saxe et al.: plateaus and sharp drops in deep linear networks

A deep linear network $\hat y = W_d \cdots W_1 x$ has no local minima that are not global, only saddles — the origin
among them (Saxe, McClelland & Ganguli 2014, arXiv:1312.6120; seeds 001, 003). With whitened inputs and
$\Sigma_{yx} = U S V^\top$, from a small decoupled start each mode $u_a = u_a^\top W v_a$ learns on its own. For one hidden layer
($d = 2$), gradient flow gives the sigmoid

$$u(t) = \frac{s}{1 + (s/u_0 - 1)\,e^{-2st}}, \qquad t_{1/2} = \frac{\ln(s/u_0 - 1)}{2s}:$$

a plateau of length $\approx \ln(s/u_0)/(2s)$ followed by a sharp drop, strong modes first. Deeper: $du/dt = d\,u^{2-2/d}(s - u)$.
Four modes $s = 3, 2, 1, 0.5$ from $u_0 = 10^{-3}$ (markers: simulation with $\epsilon = 0.01$; lines: the formula):
"""),
("code", r'''var saxe = new SaxeLearningCurves().Run();
saxe'''),
("code", r'''Plot.PointsAndCurves(saxe.Strengths.Select((s, a) => new Series($"mode s = {s} (GD)", saxe.Modes[a], saxe.Times)),
    saxe.Strengths.Select((s, a) => new Series($"s/(1 + (s/u₀ − 1)e^(−2st)), s = {s}", saxe.Analytic[a], saxe.Times)), "t = ε·step", "mode strength u")'''),
("markdown", r"""
Depth changes the saddle itself. In the scalar network $L = \tfrac12(w_1 \cdots w_d - 1)^2$ (`ScalarDeepLinear`) the origin is a
strict saddle for $d = 2$ (eigenvalues $\pm 1$) but a *degenerate* one for $d \ge 3$ (Hessian $= 0$): from the balanced start
$w_i = 0.2$ the plateau grows from $\sim\ln(1/u_0)$ to $\sim u_0^{-(1 - 2/d)}$. Markers: gradient descent ($\epsilon = 0.05$); lines:
$\tfrac12(1 - u(t))^2$ from the same ODE, $du/dt = d\,u^{2-2/d}(1 - u)$:
"""),
("code", r'''int[] depths = [2, 3, 4]; var tScalar = Enumerable.Range(0, 101).Select(k => k * 0.2).ToArray();   // every 4th step
var scalar = depths.Select(d => Trainer.Run(new ScalarDeepLinear(d), Optimizers.GradientDescent(0.05), Vector<double>.Build.Dense(d, 0.2), new TrainingOptions { MaxSteps = 400 })).ToArray();
Plot.PointsAndCurves(scalar.Select((r, i) => new Series($"d = {depths[i]} (GD)", r.Losses.Where((_, k) => k % 4 == 0).ToArray(), tScalar)), depths.Select(d => new Series($"d = {d}: ½(1 − u(t))²", SaxeLearningCurve.Curve(1, Math.Pow(0.2, d), tScalar, d).Select(u => 0.5 * (1 - u) * (1 - u)).ToArray(), tScalar)), "t = ε·step", "loss L")'''),
("markdown", r"""
In both charts the gap is the $O(\epsilon)$ error of gradient descent as an Euler step of the flow (halving $\epsilon$ halves it —
`SaxeLearningCurvesTests`). The loss shows the staircase: long flat stretches, then a drop as each mode is learned. From
small *random* weights the staircase survives, smeared:
"""),
("code", r'''var saxeRandom = new SaxeLearningCurves().Run(new SaxeLearningCurvesParameters { Initialization = SaxeInitialization.SmallGaussian, Steps = 1600 });
Plot.Curves([new("decoupled start (GD)", saxe.Losses, saxe.Times), new("decoupled start (formula)", saxe.AnalyticLoss, saxe.Times),
             new("small random start (GD)", saxeRandom.Losses, saxeRandom.Times)], "t = ε·step", "loss L", logY: true)'''),
("markdown", r"""
**Depth and initialization.** From small Gaussian weights, each extra layer multiplies the start's strength by a factor
below one, so deeper networks start closer to the saddle at $W = 0$ and wait longer. Random **orthogonal** weights
(Saxe et al.'s recommendation) make the product orthogonal, every mode starts at strength $O(1)$, and the steps to learn 90 %
no longer grow with depth. A live run (depths 2, 4, 8; median of 3 seeds) next to the stored full sweep (depths 2–8, 5 seeds):
"""),
("code", r'''var depth = new SaxeDepthSweep().Run(new SaxeDepthSweepParameters { Depths = [2, 4, 8], Repeats = 3 });
var depthStored = StoredTable.Load("03-saxe-depth.csv");
(depth.Summary, depthStored.ToString())'''),
("code", r'''var d = depthStored.Column("depth");
Plot.PointsAndCurves([new("live: small Gaussian", depth.GaussianSteps, depth.Depths), new("live: orthogonal", depth.OrthogonalSteps, depth.Depths)],
    [new("stored: small Gaussian σ = 0.3", depthStored.Column("gaussian_steps"), d), new("stored: orthogonal", depthStored.Column("orthogonal_steps"), d)], "depth d (weight layers)", "steps to learn 90 %", logY: true)'''),
("markdown", r"""
(The *last* percent can still be slow in deep networks: a mode that starts with the wrong sign must pass through strength 0,
which for $d \ge 3$ is a degenerate saddle with zero Hessian.)

## 7. Plateaus from saturated units

A tanh unit whose input $z$ is large sits on the flat tail, $\tanh'(z) = 1 - \tanh^2 z \approx 4e^{-2|z|}$: the gradient through
it all but vanishes although the loss is high (seed 000). The surface $L = h\tanh(\|\theta\|^2/r^2)$ (`Plateau`) shows it in
two dimensions — gradient descent started on the plateau barely moves:
"""),
("code", r'''var plateau = new Plateau();
Trainer.Run(plateau, Optimizers.GradientDescent(0.5), Point.Of(2.2, 1.0), new TrainingOptions { MaxSteps = 500 })'''),
("markdown", r"""
In a network: the same 2-8-1 tanh network on XOR, with its first layer's Glorot weights multiplied by 1, 8 or 64:
"""),
("code", r'''var saturation = new SaturationPlateau().Run(new SaturationPlateauParameters { Steps = 1000 });
saturation'''),
("code", r'''Plot.Losses(saturation.Rows.Select(r => r.Run), saturation.Rows.Select(r => $"first layer × {r.Scale} ({r.SaturatedFraction:P0} saturated)").ToArray())'''),

("markdown", r"""
## 8. Flat and sharp minima

"Flat areas that are minima generalize well" (seed 002). `FlatAndSharpMinima` has two global minima with the *same* loss 0,
one wide ($\sigma_a = 1$) and one narrow ($\sigma_b = 0.15$). At each, $H = cI$, so the trace measures the sharpness; a random
perturbation $\xi$ of length $\delta$ (uniform direction, $E[\xi\xi^\top] = \delta^2 I/n$) costs on average

$$E[L(\theta^* + \xi)] - L(\theta^*) \approx \tfrac12 E[\xi^\top H \xi] = \frac{\delta^2\,\mathrm{tr}\,H}{2n}.$$
"""),
("code", r'''Plot.Contour(new FlatAndSharpMinima(), box: new PlotBox(-3, 2.5, -2, 2), title: "flat minimum (left) and sharp minimum (right), both L = 0")'''),
("code", r'''var flatSharp = new FlatSharpPerturbation().Run();
flatSharp'''),
("code", r'''var radii = flatSharp.Rows.Select(r => r.Radius).ToArray();
Plot.PointsAndCurves([new("flat: measured", flatSharp.Rows.Select(r => r.FlatIncrease).ToArray(), radii), new("sharp: measured", flatSharp.Rows.Select(r => r.SharpIncrease).ToArray(), radii)],
    [new("flat: δ²·trH/2n", flatSharp.Rows.Select(r => r.FlatPredicted).ToArray(), radii), new("sharp: δ²·trH/2n", flatSharp.Rows.Select(r => r.SharpPredicted).ToArray(), radii)], "perturbation size δ", "mean loss increase", logX: true, logY: true)'''),
("markdown", r"""
For small $\delta$ the measurements sit on the formula (within 1 %, `FlatSharpPerturbationTests`), and the sharp minimum pays
$\mathrm{tr}\,H_{\text{sharp}}/\mathrm{tr}\,H_{\text{flat}} \approx 44$ times more; for large $\delta$ both saturate at the plateau $L \to 1$.
A minimum that survives perturbed weights (or a shifted test distribution) is the flat one (Keskar et al. 2017,
arXiv:1609.04836). One caveat: sharpness is not invariant under reparametrization — rescaling a ReLU layer by $\alpha$ and
the next by $1/\alpha$ changes the Hessian but not the function (Dinh et al. 2017, arXiv:1703.04933).

## Exercises

Replace `double.NaN` with your answer — ideally a computation with the library — and run the cell.
"""),
]

exercise_ids = ["03.1", "03.2", "03.3", "03.4", "03.5"]
for ex in exercise_ids:
    chapter.append(("code", f'Check.Prompt("{ex}")'))
    chapter.append(("code", f'Check.Exercise("{ex}", double.NaN)'))

chapter += [
("markdown", r"""
Worked solutions: `notebooks/solutions/03-saddles-and-plateaus.ipynb`.

## What to try next

- In section 2, start Newton from $(0.8, 0.5)$, just outside the strip $|y| < 1/\sqrt5$: where does it go? Try
  `Optimizers.DampedNewton(0.5)` — does damping fix the attraction to the saddle?
- In section 4, raise `StartNoise` to `1e-3` or lower `PerturbationRadius`: when does perturbing stop paying off?
- Run `dotnet run --project src/Descent.Cli -- experiment run critical-point-index --hidden 6` and plot index against
  loss for a wider network: does the correlation get stronger as $n$ grows, as the coin-flip argument predicts?
- In section 6, set `Depth = 3` in `SaxeLearningCurvesParameters` (and `Steps = 3000`): the origin is now a degenerate
  saddle and the plateau lasts $\sim u_0^{-1/3}$ instead of $\ln(1/u_0)$.
- Extend the library (`docs/extend.md`, chapter 03): implement `NegativeCurvatureStep` in `extend/Chapter03.cs` — when
  $\|g\|$ is tiny, step along the eigenvector of the most negative eigenvalue — and race it against perturbed GD from
  section 4's starts.
"""),
]

solutions = [
("markdown", r"""
# 03 — Saddle points, plateaus and flat regions: worked solutions

Each answer is computed with the library, then checked.
"""),
("code", r'''#load "descent.csx"'''),
("markdown", r"""
**03.1** The gradient vanishes at `Critical`; the index is the number of negative Hessian eigenvalues there. $H$ is a rotated
diagonal matrix, so its diagonal entries are *not* its eigenvalues:
"""),
("code", r'''var spectrum = Spectrum.At(Chapter03Exercises.Surface, Chapter03Exercises.Critical);
(Chapter03Exercises.Surface.Gradient(Chapter03Exercises.Critical).L2Norm(), spectrum.Eigenvalues)'''),
("code", r'''Check.Exercise("03.1", spectrum.NegativeCount)'''),
("markdown", r"""
**03.2** Newton solves $H\Delta = -g$. At $(0.5, 0.3)$ the curvature along $y$ is $-1 + 3y^2 = -0.73 < 0$, so the step moves
*towards* the saddle: $x \to 0$ exactly and $y \to 2y^3/(3y^2 - 1) \approx -0.074$:
"""),
("code", r'''var f = SaddleAttraction.Surface; var th = Chapter03Exercises.NearSaddle;
var newton = th - f.Hessian(th).Solve(f.Gradient(th));
(newton, Check.Exercise("03.2", newton.L2Norm()))'''),
("markdown", r"""
**03.3** The Hessian of $x_1^2 - x_2^2$ is $\mathrm{diag}(2, -2)$, so each step multiplies $x_2$ by $1 - \epsilon\lambda = 1.2$:
$1.2^k \cdot 10^{-6} \ge 1 \iff k \ge \ln 10^6/\ln 1.2 = 75.8$:
"""),
("code", r'''double lambda = new SaddleQuadratic().HessianEigenvalues[0];
Check.Exercise("03.3", Math.Ceiling(Math.Log(1e6) / Math.Log(1 + 0.1 * Math.Abs(lambda))))'''),
("markdown", r"""
**03.4** $u = s/2 \iff (s/u_0 - 1)e^{-2st} = 1 \iff t = \ln(s/u_0 - 1)/(2s)$:
"""),
("code", r'''double tHalf = Math.Log(2.0 / 1e-3 - 1) / (2 * 2.0);
(SaxeLearningCurve.ModeStrength(2.0, 1e-3, tHalf), Check.Exercise("03.4", tHalf))'''),
("markdown", r"""
**03.5** $E[\tfrac12\xi^\top H\xi] = \tfrac12\,\mathrm{tr}(H\,E[\xi\xi^\top]) = \delta^2\,\mathrm{tr}H/(2n)$ with $n = 10$:
"""),
("code", r'''var fs = new FlatAndSharpMinima(dimension: 10);
Check.Exercise("03.5", 0.05 * 0.05 * Spectrum.At(fs, fs.SharpMinimizer).Trace / (2 * fs.Dimension))'''),
]

nbgen.write(os.path.join(ROOT, "notebooks", NAME), chapter, "ch03")
nbgen.write(os.path.join(ROOT, "notebooks", "solutions", NAME), solutions, "ch03s")
print("wrote", NAME)
