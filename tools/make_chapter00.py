"""Writes notebooks/00-tour.ipynb and notebooks/solutions/00-tour.ipynb (sources only; `descent run` stores outputs)."""
import json, os

import sys
sys.path.insert(0, os.path.dirname(__file__))
import nbgen  # noqa: E402

common_intro = [
("markdown", r"""
# 00 — A tour: how to use the course, and learning vs pure optimization

**Learning goals.** After this chapter you can run a Descent chapter, change a cell and rerun it, read an interactive
chart, and check an exercise. You can say why training a model is *not* pure optimization: we minimize a **surrogate**
of the **empirical risk**, and we stop when the **validation** error says so, not when the gradient vanishes.

**How the course works.** Every chapter is a notebook whose cells are one to three lines of calls into the Descent
library (`src/Descent`, compiled and unit-tested). Open a chapter in VS Code with the *C# (Descent)* kernel (see the
README), run the cells top to bottom (Shift+Enter), change numbers and rerun. Long loops can be stopped with the
interrupt button. `dotnet run --project src/Descent.Cli -- build` runs every changed chapter and writes the offline
site you may be reading now.
"""),
("markdown", r"""
The first code cell of every chapter makes the library available. With the Descent kernel it does nothing (Descent
is preloaded); in other C# front ends it loads the built library from `src/`.
"""),
("code", r'''#load "descent.csx"'''),
("markdown", r"""
## One interactive plot

Gradient descent with momentum on the Rosenbrock function $f(x, y) = (1 - x)^2 + 100\,(y - x^2)^2$, whose minimum
$(1, 1)$ lies at the end of a long curved valley. Hover to read values, drag to zoom, double-click to reset.
"""),
("code", r'''var rosenbrock = new Rosenbrock();
var run = Trainer.Run(rosenbrock, Optimizers.Momentum(1e-3, 0.9), Vector<double>.Build.DenseOfArray([-1.5, 2.0]), new TrainingOptions { MaxSteps = 600 });
run'''),
("code", r'''Plot.Contour(rosenbrock, [Trajectory.From(run, "momentum")], PlotBox.Square(2.2), logLevels: true)'''),
("markdown", r"""
## Why gradients? Search in many dimensions

Seed 003 lists the ways to find the $\theta$ that minimizes $J(\theta)$: exhaustive search, random search, an analytical
solution, model-based search — and the gradient-based search neural networks use. Give random search and gradient
descent the same budget of 200 evaluations on a bowl $\tfrac12\theta^\top H\theta$ with eigenvalues 1 … 10, in 2, 10 and
100 dimensions:
"""),
("code", r'''new RandomSearchComparison().Run()'''),
("markdown", r"""
In 2-D the best of 200 random points is already close; in 100-D it is barely better than the first point, because a
random point's loss concentrates around its mean as $n$ grows. Gradient descent contracts every direction by at least
$1 - \lambda_{\min}/\lambda_{\max} = 0.9$ per step whatever $n$ is — a network has millions of parameters, so it uses gradients.
"""),
("markdown", r"""
## Where the gradient comes from: backpropagation

Every optimizer in the course needs $g = \nabla L(\theta)$. For a network, backpropagation computes it exactly by the
chain rule, layer by layer from the loss back to the inputs (seed 004, "Error backpropagation"): with pre-activations
$z_l = W_l a_{l-1} + b_l$ and $a_l = \sigma(z_l)$, the error $\delta_l = \partial L / \partial z_l$ obeys
$\delta_l = \sigma'(z_l) \odot W_{l+1}^\top \delta_{l+1}$, and $\partial L/\partial W_l = \delta_l a_{l-1}^\top$. The library's
networks implement it; finite differences $\big(L(\theta + h e_i) - L(\theta - h e_i)\big)/2h$ exist only to check it:
"""),
("code", r'''var blobs = Synthetic.GaussianBlobs(20, seed: 1);
var net = new Mlp([2, 8, 3], Activation.Tanh, LossFunction.SoftmaxCrossEntropy, blobs.Inputs, blobs.Labels!);
var theta = net.Initialize(Initialization.Glorot, seed: 2); net'''),
("code", r'''$"backpropagation vs central differences: largest difference {(net.Gradient(theta) - FiniteDifference.Gradient(net, theta)).AbsoluteMaximum():E1} over {theta.Count} parameters"'''),
("markdown", r"""
The two agree to about $10^{-10}$ — the rounding error of the finite difference, not of backpropagation. Backpropagation
costs about as much as two evaluations of the loss; finite differences cost $2n$ of them (here $n = 51$).
"""),
("markdown", r"""
## Learning is not pure optimization

What we care about is the **risk** — the expected loss on data we have not seen,
$J^*(\theta) = \mathbb{E}_{(x, y) \sim p_{\text{data}}} L(f(x; \theta), y)$. Since $p_{\text{data}}$ is unknown, we minimize the
**empirical risk** on $m$ training examples,

$$\hat J(\theta) = \frac{1}{m} \sum_{i=1}^{m} L\big(f(x^{(i)}; \theta), y^{(i)}\big),$$

and hope the risk falls too (*empirical risk minimization*). Two problems (seed 001): the 0-1 loss
$L = \mathbb{1}[\hat y \ne y]$ has zero gradient almost everywhere, so gradient descent cannot use it; and a model with
enough capacity can memorize the training set. So we minimize a **surrogate loss** — logistic $\log(1 + e^{-y f})$ or
hinge $\max(0, 1 - y f)$ with $y = \pm 1$ — and judge by the 0-1 loss on a **validation** set.

Same data (two overlapping Gaussian classes, 10 % flipped labels), same start, a linear classifier trained on each
surrogate:
"""),
("code", r'''var linear = new SurrogateLossExperiment().Run(new SurrogateLossParameters());
linear'''),
("markdown", r"""
Both surrogates reach nearly the same error rate: neither is the 0-1 loss, but both are good stand-ins for it.

## When the surrogate flattens, the 0-1 loss can still move — and overfitting begins

Now a network with 20 tanh units on only 40 examples, 20 % of them mislabelled (`SurrogateLossParameters.Overfitting()`):
"""),
("code", r'''var overfit = new SurrogateLossExperiment().Run(SurrogateLossParameters.Overfitting());
overfit'''),
("code", r'''var c = overfit.Logistic; var steps = c.Steps.Select(s => (double)s).ToArray();
Plot.Curves([new("logistic loss (train)", c.TrainSurrogate, steps), new("0-1 loss (train)", c.TrainZeroOne, steps),
             new("0-1 loss (validation)", c.ValidationZeroOne, steps)], yTitle: "loss / error rate", title: "Logistic surrogate, 20 hidden units")'''),
("markdown", r"""
The logistic loss makes 95 % of its whole decrease early and then creeps (`c.SurrogateFlatIndex`), yet the training
0-1 loss keeps falling after that, all the way to zero: the network memorizes the flipped labels. The validation
error tells the truth — it is lowest early and rises afterwards.

## Early stopping

Training algorithms do not halt at a local minimum but when an **early-stopping criterion** is met, typically the
0-1 loss on the validation set (seed 001). Here it halts at:
"""),
("code", r'''(c.EarlyStoppingStep, c.ValidationZeroOne[c.BestValidationIndex], c.ValidationZeroOne[^1])'''),
("markdown", r"""
The hinge surrogate on the same data tells the same story:
"""),
("code", r'''var h = overfit.Hinge;
Plot.Curves([new("hinge loss (train)", h.TrainSurrogate, steps), new("0-1 loss (train)", h.TrainZeroOne, steps),
             new("0-1 loss (validation)", h.ValidationZeroOne, steps)], yTitle: "loss / error rate", title: "Hinge surrogate, 20 hidden units")'''),
("markdown", r"""
The same experiment runs outside a notebook, with CSV or JSON output:
`dotnet run --project src/Descent.Cli -- experiment run surrogate-losses --hidden 20 --train-count 40 --label-noise 0.2 --out runs.csv`.

## Exercises

Each exercise prints its question; replace the `double.NaN` with your answer (a computation is best) and run the cell.
The check tells you whether it is right, close, or a known mistake, with a hint. Worked solutions:
[solutions/00-tour.ipynb](solutions/00-tour.ipynb).
"""),
]

exercises_student = [
("code", r'''Check.Prompt("00.1")'''),
("code", r'''Check.Exercise("00.1", double.NaN)'''),
("code", r'''Check.Prompt("00.2")'''),
("code", r'''Check.Exercise("00.2", double.NaN)'''),
("code", r'''Check.Prompt("00.3")'''),
("code", r'''Check.Exercise("00.3", double.NaN)'''),
("markdown", r"""
## What to try next

- Set `Hidden = 0` in `SurrogateLossParameters.Overfitting()` (a linear model): does it still overfit?
- Lower `LabelNoise` to 0 and watch the gap between training and validation error.
- Change the optimizer in the Rosenbrock cell to `Optimizers.Adam(0.05)` and compare the paths.
"""),
]

exercises_solutions = [
("markdown", r"""
**00.1** With $f = 0$ the loss is $\log(1 + e^0) - y \cdot 0 = \log 2$ for every example, whatever the label.
"""),
("code", r'''Check.Exercise("00.1", Math.Log(2))'''),
("markdown", r"""
**00.2** Predict 1 when the score is positive and count disagreements with the labels.
"""),
("code", r'''var scores = Chapter00Exercises.Scores; var labels = Chapter00Exercises.Labels;
Check.Exercise("00.2", scores.Select((s, i) => (s > 0 ? 1 : 0) != labels[i] ? 1.0 : 0.0).Average())'''),
("markdown", r"""
**00.3** The earliest step with the lowest validation error of the logistic run.
"""),
("code", r'''var v = overfit.Logistic.ValidationZeroOne; var best = Array.IndexOf(v, v.Min());
Check.Exercise("00.3", overfit.Logistic.Steps[best])'''),
]

root = os.path.join(os.path.dirname(__file__), "..", "notebooks")
solution_intro = [("markdown", "# 00 — A tour: worked solutions\n\nThe chapter's cells run first, so the solutions can use their results."),
                  ("code", '#load "../descent.csx"')]
nbgen.write(os.path.join(root, "00-tour.ipynb"), common_intro + exercises_student, "tour")
nbgen.write(os.path.join(root, "solutions", "00-tour.ipynb"),
            solution_intro + [c for c in common_intro[3:] if c[0] == "code"] + exercises_solutions, "tour-sol")
