"""Writes notebooks/01-ill-conditioning.ipynb and its worked solutions (sources only; `descent run` stores outputs)."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
import nbgen  # noqa: E402

chapter = [
("markdown", r"""
# 01 — Ill-conditioning: when a strong gradient is not enough

**Learning goals.** After this chapter you can predict from the second-order Taylor expansion how much one gradient
step changes the loss, compute the best step $\epsilon^* = g^\top g / g^\top H g$, decompose the curvature along a
direction into the Hessian's eigenvalues, relate the condition number $\kappa$ to the number of gradient-descent
iterations, and explain why momentum and Newton's method help on a ravine. You can monitor $g^\top g$ and
$g^\top H g$ on a real network.

Seeds: Srihari §1 (ill-conditioning), Harakeh (condition number, Newton), the UvA notes (ravines), Goodfellow
(directional curvature, optimal step).
"""),
("markdown", r"""
The first code cell makes the library available (a no-op in the Descent kernel, where it is preloaded).
"""),
("code", '#load "descent.csx"'),
("markdown", r"""
## 1. What does one gradient step do? The second-order Taylor prediction

Around the current point $\theta$ with gradient $g$ and Hessian $H$,

$$L(\theta - \epsilon g) \approx L(\theta) - \epsilon\, g^\top g + \tfrac12 \epsilon^2\, g^\top H g .$$

The first-order term always helps; the curvature term hurts. The step goes uphill once
$\tfrac12\epsilon^2 g^\top H g > \epsilon\, g^\top g$, i.e. $\epsilon > 2 g^\top g / g^\top H g$, and the predicted decrease is
largest at $\epsilon^* = g^\top g / g^\top H g$ (when $g^\top H g > 0$). We check it on Rosenbrock's valley at $(-1.2, 1)$:
"""),
("code", r"""
var rosenbrock = new Rosenbrock();
var taylor = TaylorAnalysis.At(rosenbrock, Point.Of(-1.2, 1.0));
taylor
"""),
("code", r"""
Plot.Taylor(taylor.Sweep())
"""),
("markdown", r"""
Predicted (quadratic model) and actual change agree for small $\epsilon$ and part ways as the cubic terms grow. The
numbers behind the plot — $\epsilon^*$, the harmful threshold $2\epsilon^*$, and the predicted and actual change at $\epsilon^*$:
"""),
("code", '$"ε* = {taylor.OptimalStep:G4}, harmful beyond {taylor.HarmfulThreshold:G4}; at ε*: {taylor.Step(taylor.OptimalStep)}"'),
("markdown", r"""
On a quadratic the expansion is exact, so prediction and truth agree to rounding at every $\epsilon$ — the tests
(`TaylorAnalysisTests`) check this, and that on Rosenbrock the error shrinks like $\epsilon^3$.

## 2. Curvature depends on the direction

With $H = Q\Lambda Q^\top$ and eigenvectors $v_i$, the second derivative along a unit direction $d$ is

$$d^\top H d = \sum_i \lambda_i \cos^2 \angle(v_i, d).$$

A bowl with eigenvalues $0.5$ and $8$, rotated by 30°:
"""),
("code", r"""
var bowl = Quadratic.FromEigenvalues2D(0.5, 8.0, Math.PI / 6);
DirectionalCurvature.Of(bowl.Hessian(Point.Of(0, 0)), Point.Polar(1, 0.3))
"""),
("code", r"""
Plot.Polar(CurvatureSweep.Polar(bowl.Hessian(Point.Of(0, 0))))
"""),
("markdown", r"""
The polar curve runs between $\lambda_{\min} = 0.5$ and $\lambda_{\max} = 8$: gradient descent must pick one step size for
all these directions. If $g$ lines up with $\lambda_{\max}$, the best step is tiny: $\epsilon^* = 1/\lambda_{\max}$.

## 3. The d2l example: $f(x) = 0.1x_1^2 + 2x_2^2$

$H = \mathrm{diag}(0.2, 4)$, $\kappa = 20$. Along eigenvector $i$ gradient descent multiplies the error by
$1 - \eta\lambda_i$ per step, so it converges iff $\eta < 2/\lambda_{\max} = 0.5$. With $\eta = 0.4$ the $x_2$ factor is
$|1 - 1.6| = 0.6$; with $\eta = 0.6$ it is $|1 - 2.4| = 1.4$ — divergence in $x_2$ while $x_1$ still crawls.
"""),
("code", r"""
var d2l = Quadratic.D2l();
var runs = new[] { 0.4, 0.6 }.Select(eta => Trainer.Run(d2l, Optimizers.GradientDescent(eta), Point.Of(-5, -2), new TrainingOptions { MaxSteps = 20 })).ToArray();
runs.Select(r => $"{r.Optimizer}: loss {r.Losses[0]:G4} → {r.Loss:G4}, θ = ({r.Theta[0]:G4}, {r.Theta[1]:G4})")
"""),
("code", r"""
Plot.Contour(d2l, runs, ["η = 0.4", "η = 0.6"], new PlotBox(-6, 2, -12, 12))
"""),
("markdown", r"""
Drag the slider (or press play) to sweep the learning rate; the largest stable value is $2/\lambda_{\max} = 0.5$, and
the best constant value is $2/(\lambda_1 + \lambda_n) = 2/4.2 \approx 0.476$:
"""),
("code", r"""
var etas = new[] { 0.05, 0.1, 0.2, 0.3, 0.4, 0.476, 0.5, 0.52 };
var sweepRuns = etas.Select(eta => Trainer.Run(d2l, Optimizers.GradientDescent(eta), Point.Of(-5, -2), new TrainingOptions { MaxSteps = 25 })).ToArray();
Plot.AnimateTrajectories(d2l, sweepRuns, etas, box: new PlotBox(-6, 2, -4, 4))
"""),
("markdown", r"""
## 4. Condition number vs iterations

At the optimal constant step $2/(\lambda_1+\lambda_n)$ both extreme eigen-components shrink by $(\kappa-1)/(\kappa+1)$ per
step, so reaching a relative error $10^{-6}$ takes $\lceil \ln 10^6 / -\ln\frac{\kappa-1}{\kappa+1}\rceil \approx \frac{\kappa}{2}\ln 10^6$
steps. Heavy-ball momentum with Polyak's tuning contracts at $(\sqrt\kappa-1)/(\sqrt\kappa+1)$; Newton's method
$\theta \leftarrow \theta - H^{-1}g$ lands on the minimum of a quadratic in one step. Measured against predicted:
"""),
("code", r"""
var sweep = new ConditioningSweep().Run();
sweep
"""),
("code", r"""
var kappas = sweep.Rows.Select(r => r.Kappa).ToArray();
Plot.Curves([new("GD measured", sweep.Rows.Select(r => (double)r.GradientDescentSteps).ToArray(), kappas), new("GD predicted (κ−1)/(κ+1)", sweep.Rows.Select(r => (double)r.PredictedGradientDescentSteps).ToArray(), kappas),
             new("momentum measured", sweep.Rows.Select(r => (double)r.MomentumSteps).ToArray(), kappas), new("Newton", sweep.Rows.Select(r => (double)r.NewtonSteps).ToArray(), kappas)], xTitle: "κ", yTitle: "steps to 1e-6", logX: true, logY: true)
"""),
("markdown", r"""
Gradient descent's count matches the prediction exactly and grows linearly in $\kappa$; momentum's grows like
$\sqrt\kappa$ (a little above its rate-only prediction, because at Polyak's tuning its iteration matrix has a repeated
eigenvalue, adding a factor $k$ to $\rho^k$); Newton is flat at one step. `ConditioningSweepTests` assert all three.

## 5. A ravine: gradient descent zig-zags, momentum and Nesterov glide, Newton jumps

A quadratic ravine with $\kappa = 50$, and Rosenbrock's curved valley:
"""),
("code", r"""
var ravine = Quadratic.FromEigenvalues2D(1, 50, 0.4); double k = 50, rho = (Math.Sqrt(k) - 1) / (Math.Sqrt(k) + 1), lr = 4 / Math.Pow(Math.Sqrt(k) + 1, 2);
var ravineRuns = new[] { Optimizers.GradientDescent(2 / (1 + k)), Optimizers.Momentum(lr, rho * rho), Optimizers.Nesterov(1 / k, rho), Optimizers.Newton() }
    .Select(o => Trainer.Run(ravine, o, Point.Of(-1.8, 1.2), new TrainingOptions { MaxSteps = 60, GradientTolerance = 1e-9 })).ToArray();
Plot.Contour(ravine, ravineRuns, ["GD, ε = 2/(λ₁+λₙ)", "heavy ball (Polyak)", "Nesterov", "Newton"], PlotBox.Square(2), logLevels: true)
"""),
("code", r"""
string.Join("\n", ravineRuns.Select(r => $"{r.Optimizer}: loss {r.Loss:G3} after {r.Steps} steps ({r.Message})"))
"""),
("markdown", r"""
**Why not always Newton?** Seed 001 names two costs that have nothing to do with deep learning. Inverting $H$ is
*unstable* when $\kappa$ is large — solving $H s = g$ in double precision loses about $\log_{10}\kappa$ of its 16 digits —
and it is *expensive* when $H$ is large: $8n^2$ bytes to store and about $n^3/3$ operations to factorize.
"""),
("code", r'''new NewtonSolveAccuracy().Run()'''),
("markdown", r"""
The error of the computed Newton step tracks $\kappa u$ ($u \approx 1.1 \times 10^{-16}$): at $\kappa = 10^{14}$ only
three or four digits are left. And the digits MLP of section 6, with 4,810 parameters, already needs a 185 MB Hessian;
a network with a million parameters would need 8 TB.
"""),
("code", r"""
var rosenbrockGd = Trainer.Run(rosenbrock, Optimizers.GradientDescent(1.5e-3), Point.Of(-1.2, 1.0), new TrainingOptions { MaxSteps = 2000 });
Plot.Contour(rosenbrock, [rosenbrockGd], ["GD, ε = 1.5e-3"], PlotBox.Square(2), logLevels: true)
"""),
("markdown", r"""
## 6. Monitoring a real network: $g^\top g$ and $g^\top H g$ during training

Srihari's advice: to know whether ill-conditioning hurts, monitor $g^\top g$ and $g^\top H g$. Here SGD trains an MLP
64-64-10 on the digits (30 % of training labels randomized, so the task stays hard), and every 30 steps we record
$g^\top g$ and $g^\top H g$ of the full training loss with exact Hessian-vector products. A short live run
(the full 2,400-step run is `dotnet run --project src/Descent.Cli -- experiment run curvature-monitoring`):
"""),
("code", r"""
var monitor = new CurvatureMonitoring().Run(new CurvatureMonitoringParameters { Steps = 900 });
monitor
"""),
("code", r"""
var at = monitor.Steps.Select(s => (double)s).ToArray();
Plot.Curves([new("gᵀg", monitor.GradientSquaredNorms, at), new("gᵀHg", monitor.Curvatures, at), new("loss", monitor.Losses, at)], yTitle: "value", logY: true, title: "Gradient norm holds while curvature along it grows")
"""),
("markdown", r"""
After the first fast drop, $g^\top g$ stops shrinking while $g^\top H g$ keeps growing, and the loss falls ever more
slowly: learning slows although no critical point is near (the gradient is far from zero). The full run's test
(`CurvatureMonitoringTests`) asserts that in the slow phase $g^\top g$ stays within a factor 2 while $g^\top H g$ grows more than 3×.

## Exercises

Replace `double.NaN` with your answer — ideally a computation with the library — and run the cell.
"""),
("code", r"""
Check.Prompt("01.1")
"""),
("code", r"""
Check.Exercise("01.1", double.NaN)
"""),
("code", r"""
Check.Prompt("01.2")
"""),
("code", r"""
Check.Exercise("01.2", double.NaN)
"""),
("code", r"""
Check.Prompt("01.3")
"""),
("code", r"""
Check.Exercise("01.3", double.NaN)
"""),
("markdown", r"""
Worked solutions: `notebooks/solutions/01-ill-conditioning.ipynb`.

## What to try next

- In section 3, try $\eta = 0.49$ and $0.51$ with 200 steps: how many steps does each take to leave or reach a small ball?
- Replace `Optimizers.Momentum` in section 5 with `Optimizers.Adam(0.1)`: does a diagonal preconditioner fix a *rotated* ravine?
- Rerun section 6 with `LabelNoise = 0`: on the clean digits the gradient does shrink — the effect needs a hard task.
- Extend the library: write a `ScaleByOptimalStep`-like transform that uses a Lanczos estimate of $\lambda_{\max}$ and
  steps $1/\lambda_{\max}$; test it in `tests/Descent.Tests/Optimization/`.
"""),
]

solutions = [
("markdown", r"""
# 01 — Ill-conditioning: worked solutions

Each answer is computed with the library, then checked.
"""),
("code", '#load "descent.csx"'),
("markdown", r"""
**01.1** $\epsilon^* = g^\top g / g^\top H g$ at the start point:
"""),
("code", r"""
var g = Chapter01Exercises.Bowl.Gradient(Chapter01Exercises.Start);
var epsStar = g.DotProduct(g) / g.DotProduct(Chapter01Exercises.Bowl.HessianVectorProduct(Chapter01Exercises.Start, g));
Check.Exercise("01.1", epsStar)
"""),
("markdown", r"""
**01.2** Along eigenvector $i$ the error is multiplied by $1 - \epsilon\lambda_i$; all factors are below 1 in size iff
$\epsilon < 2/\lambda_{\max}$:
"""),
("code", r"""
Check.Exercise("01.2", 2 / Chapter01Exercises.Bowl.Eigenvalues.Max())
"""),
("markdown", r"""
**01.3** Solve $\left(\frac{\kappa-1}{\kappa+1}\right)^k \le 10^{-6}$:
"""),
("code", r"""
double kappa = Chapter01Exercises.Bowl.ConditionNumber;
Check.Exercise("01.3", Math.Ceiling(Math.Log(1e6) / -Math.Log((kappa - 1) / (kappa + 1))))
"""),
]

root = os.path.join(os.path.dirname(__file__), "..", "notebooks")
nbgen.write(os.path.join(root, "01-ill-conditioning.ipynb"), chapter, "ill")
nbgen.write(os.path.join(root, "solutions", "01-ill-conditioning.ipynb"), solutions, "ill-sol")
