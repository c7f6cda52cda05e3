"""Writes notebooks/02-local-minima.ipynb and notebooks/solutions/02-local-minima.ipynb (sources only; `descent run` stores outputs)."""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
import nbgen  # noqa: E402

ROOT = os.path.join(os.path.dirname(__file__), "..")

intro = [
("markdown", r"""
# 02 — Local minima: countless, equivalent, and rarely the problem

**Learning goals.** After this chapter you can explain why a neural network has an enormous number of local minima that
are all *equally good* (weight-space symmetry: $n!^m$ permutations and the $\alpha$ / $1/\alpha$ rescaling), run the
**gradient-norm test** and the second-order test ($\lambda_{\min}$ of the Hessian) to decide whether training stopped at
a local minimum, reproduce Safran & Shamir's table of **spurious** local minima in a two-layer ReLU network with binomial
error bars, and show that **over-parametrization** — and size in general (Choromanska et al.) — makes bad minima rare.

Seeds: Srihari §2 (local minima, model identifiability), Harakeh (weight-space symmetry, the gradient-norm test),
Goodfellow (Choromanska: "most minima are good, more so for big models"), Yarotsky (Safran & Shamir's tables).
"""),
("markdown", r"""
The first code cell makes the library available (a no-op in the Descent kernel, where it is preloaded).
"""),
]


def first_cell(solutions):
    return [("code", '#load "../descent.csx"' if solutions else '#load "descent.csx"')]


body = [
("markdown", r"""
## 1. Weight-space symmetry: every minimum has $n!^m$ twins

A model is *identifiable* if enough data rule out all but one setting of its parameters. Networks are not: with $m$
hidden layers of $n$ units, reordering the units of each layer (and their incoming and outgoing weights with them) gives

$$n!^m$$

parameter vectors $\theta$ that compute the same function, hence have the same loss $L(\theta)$. For ReLU units,
$\mathrm{relu}(\alpha z) = \alpha\,\mathrm{relu}(z)$ for $\alpha > 0$, so multiplying a layer's incoming weights and biases by
$\alpha$ and its outgoing weights by $1/\alpha$ changes nothing either: each minimum lies on an $m \cdot n$-dimensional
family of equivalent minima. We train a ReLU network 64–32–10 on the digits (SGD, 20 % of the labels scrambled so the task
stays hard) and apply both symmetries to the trained $\theta$:
"""),
("code", r'''var trained = new GradientNormTest().Run(new GradientNormTestParameters { Steps = 600, RecordEvery = 50, LanczosSteps = 30 });
trained.Model'''),
("code", r'''WeightSymmetry.Check(trained.Model, trained.Theta, alpha: 3.0, seed: 1)'''),
("markdown", r"""
The loss agrees to rounding (floating-point sums in another order) although $\theta$ moved far. The permuted copy has
the same gradient norm; the rescaled one does not ($g_{\text{in}} \mapsto g_{\text{in}}/\alpha$,
$g_{\text{out}} \mapsto \alpha\, g_{\text{out}}$), so "equivalent" points can differ in steepness and curvature. One hidden
layer of 32 units already gives $32! \approx 2.6 \cdot 10^{35}$ copies. Along the rescaling curve the loss is flat; along
the straight line from $\theta$ to its permuted twin it is not — the loss rises between them, so the twins are separate
points of low loss, not one valley:
"""),
("code", r'''var twin = WeightSymmetry.PermuteAll(trained.Model, trained.Theta, seed: 1);
Plot.Slice1D(trained.Model, trained.Theta, twin - trained.Theta, from: -0.25, to: 1.25, count: 61, title: "L((1−t)θ + t·θ_permuted)")'''),
("markdown", r"""
Such minima are not a problem: they all have the same cost. A local minimum is only harmful if its cost is much higher
than the global minimum's.

## 2. Did training stop at a local minimum? The gradient-norm test

At a local minimum $g = \nabla L(\theta) = 0$ and $H \succeq 0$. Seed 001's test: if $\|g\|$ does not shrink over time, the
trouble is not a local minimum (if it does shrink, the test is inconclusive — a saddle point also has $g = 0$). The run
above recorded the full training loss and $\|g\|$:
"""),
("code", r'''var at = trained.Steps.Select(s => (double)s).ToArray();
Plot.Curves([new("loss L(θ)", trained.Losses, at), new("‖∇L(θ)‖", trained.GradientNorms, at)], yTitle: "value", logY: true, title: "The loss keeps falling; the gradient norm does not shrink")'''),
("code", r'''trained'''),
("markdown", r"""
After the first fast phase $\|g\|$ stays of the same size while the loss keeps falling: training is not settling into a
critical point. The second-order test agrees: Lanczos with exact Hessian-vector products finds $\lambda_{\min} < 0$ at
the end point — there is still a direction of negative curvature, so it is not a local minimum
(`LocalMinimaExperimentsTests` asserts both). The full 2,000-step run:
`dotnet run --project src/Descent.Cli -- experiment run gradient-norm-test`.

## 3. Spurious local minima do exist: Safran & Shamir (2018)

Safran & Shamir ("Spurious Local Minima are Common in Two-Layer ReLU Neural Networks", ICML 2018, arXiv:1712.08968)
study the simplest network that could have bad minima: a student $\sum_{i=1}^n (w_i^\top x)_+$ learning a teacher
$\sum_{j=1}^k (v_j^\top x)_+$ with orthonormal $v_j = e_j$, on Gaussian inputs, by the population loss

$$F(w_1, \dots, w_n) = \tfrac12\, \mathbb{E}_{x \sim \mathcal N(0, I_k)} \Big(\sum_{i=1}^n (w_i^\top x)_+ - \sum_{j=1}^k (v_j^\top x)_+\Big)^2 .$$

Expanding the square leaves only the arc-cosine kernel $K(w, u) = \mathbb E[(w^\top x)_+ (u^\top x)_+] =
\frac{\|w\|\|u\|}{2\pi}\big(\sin\theta + (\pi - \theta)\cos\theta\big)$, $\theta = \angle(w, u)$, so $F$, its gradient and its
exact Hessian have closed forms (`ReluTeacherStudent`). $F \ge 0$, and $F = 0$ exactly at the $n!$ permutations of
$w_i = v_i$ (for $n = k$). Check the closed form against a Monte-Carlo average over 200,000 Gaussian inputs at a random
point (they agree within the sampling error; `ReluTeacherStudentTests` asserts agreement within 4 standard errors):
"""),
("code", r'''var problem = new ReluTeacherStudent(6, 6); var w = SafranShamir.Start(problem, seed: 3);
$"closed form F = {problem.Value(w):G6}, Monte Carlo over 200,000 inputs {new ReluTeacherStudentSample(6, 6, 200_000, seed: 4).Value(w):G6}"'''),
("markdown", r"""
A **spurious** local minimum is a $W_0$ with $\min_W F(W) < F(W_0) \le F(W')$ for all $W'$ near $W_0$: a trap that is not
a global minimum. Safran & Shamir prove (with computer assistance) that such minima exist for $n = k \in \{6, \dots, 20\}$
and for $(k, n) \in \{(8, 9), (10, 11), \dots, (19, 20)\}$ — and that gradient descent finds them often.

The authors' protocol (their published code): start from $w_{ij} \sim \mathcal N(0, 1/k)$, run plain gradient descent
with step $\epsilon = 5/k$ until $\|g\| \le 10^{-9}$, then classify the end point: **global minimum** if $F \approx 0$,
**spurious local minimum** if $F$ is clearly above 0 *and* the exact Hessian is positive definite ($\lambda_{\min} > 0$),
otherwise a saddle (or degenerate point). A live run, $k = n = 8$, 300 runs:
"""),
("code", r'''var live = new SafranShamir().Run(new SafranShamirParameters { Ks = [8], ExtraNeurons = [0], Runs = 300 });
live'''),
("markdown", r"""
The paper found 12.6 % for $k = 8$. One of our spurious minima, classified from its exact Hessian:
"""),
("code", r'''var spurious = live.SpuriousMinima.First(); var p8 = new ReluTeacherStudent(8, 8);
CriticalPoint.Classify(p8, spurious.Theta!)'''),
("code", r'''Plot.Spectrum(Spectrum.At(p8, spurious.Theta!), title: $"Hessian at a spurious minimum: F = {spurious.Objective:G3}, all λ > 0")'''),
("markdown", r"""
### The full table, next to the paper's

1,000 runs for each $k = 6 \dots 20$ take minutes, so the CLI ran them and stored the result
(`data/safran-shamir.csv`; the command is in its first line):
`dotnet run -c Release --project src/Descent.Cli -- experiment run safran-shamir --extra-neurons 0 --out data/safran-shamir.csv`.
Our percentage $\hat p$ and the paper's each carry a binomial standard error $\sqrt{\hat p(1 - \hat p)/1000}$; $z$ is their
difference over the standard error of the difference.
"""),
("code", r'''var table = SafranShamirResult.LoadStored();
table.Comparison()'''),
("code", r'''var ks = table.Rows.Select(r => (double)r.K).ToArray();
Plot.ErrorBars([new("ours (1000 runs)", table.Rows.Select(r => r.SpuriousPercent).ToArray(), ks), new("Safran & Shamir", table.Rows.Select(r => r.Paper!.Percent).ToArray(), ks)],
               [table.Rows.Select(r => 2 * r.StandardError).ToArray(), table.Rows.Select(r => 2 * r.Paper!.StandardError).ToArray()], xTitle: "k = n", yTitle: "% of runs ending at a spurious minimum (± 2 SE)")'''),
("markdown", r"""
Spurious minima go from rare ($k = 6$) to the usual outcome ($k = 20$), as in the paper: every row lies within 3 standard
errors of the published percentage, and the averages of $\lambda_{\min}$ and $F$ at those minima match the paper's to
within 15 %. `SafranShamirTests` asserts this for the stored table, reruns $k = 6, 7, 8, 10$ at 1000 runs against the
paper, and checks that every spurious minimum has $\|g\| \le 10^{-9}$ and a positive definite exact Hessian
(recomputed with an independent eigensolver).

## 4. Over-parametrization removes most of them

Give the student one, two or three neurons more than the teacher. The step $5/k$ is at the edge of stability and
diverges for $n = k + 3$, so this sweep uses $\epsilon = 5/n$ (`StepPerStudent`), stored by
`dotnet run -c Release --project src/Descent.Cli -- experiment run safran-shamir --ks 6,8,10,12 --extra-neurons 0,1,2,3 --runs 300 --step-per-student true --out data/safran-shamir-wider.csv`:
"""),
("code", r'''var wider = SafranShamirResult.LoadStored("safran-shamir-wider.csv");
Plot.ErrorBars(wider.Rows.GroupBy(r => r.N - r.K).Select(g => new Series($"n = k + {g.Key}", g.Select(r => r.SpuriousPercent).ToArray(), g.Select(r => (double)r.K).ToArray())),
               wider.Rows.GroupBy(r => r.N - r.K).Select(g => (IReadOnlyList<double>?)g.Select(r => 2 * r.StandardError).ToArray()), xTitle: "k (teacher neurons)", yTitle: "% spurious (± 2 SE)")'''),
("markdown", r"""
The paper's own $n = k + 1$ table (step $5/k$) next to our runs of the same protocol, 200 runs per $k$
(`--ks 8,10,12,14,16,18 --extra-neurons 1 --runs 200`, stored in `data/safran-shamir-overparametrized.csv`):
"""),
("code", r'''SafranShamirResult.LoadStored("safran-shamir-overparametrized.csv").Comparison()'''),
("markdown", r"""
One extra neuron turns 12.6 % spurious minima at $k = 8$ into almost none; at larger $k$ they come back, but far fewer
than with $n = k$ at every $k$ (`SafranShamirTests` checks both, on a live run and on the stored tables). Note also the
much smaller $\lambda_{\min}$ at these minima: they are shallower.

## 5. Bigger networks, more concentrated losses (Choromanska et al.)

Choromanska et al. ("The Loss Surfaces of Multilayer Networks", AISTATS 2015, arXiv:1412.0233) argue that for large
networks most local minima have nearly the same, low cost — seed 003: "most minima are good, and this is more true for
big models". Train a 64–$w$–10 ReLU network on the digits from many seeds and compare the final losses. Live (6 runs):
"""),
("code", r'''var spreadLive = new LossSpread().Run(new LossSpreadParameters { Widths = [4, 32], Runs = 6, Steps = 300 });
spreadLive'''),
("markdown", r"""
And the stored run with widths 4 → 256, 24 seeds each, 1,500 SGD steps
(`dotnet run -c Release --project src/Descent.Cli -- experiment run loss-spread --out data/loss-spread.csv`):
"""),
("code", r'''var spread = LossSpreadResult.LoadStored();
Plot.Histograms(spread.Rows.Select(r => new Series($"width {r.Width}", r.TrainLosses)), bins: 40, xTitle: "final training loss")'''),
("code", r'''spread'''),
("markdown", r"""
Small networks end anywhere over a wide range of losses (different runs find minima of very different quality); as the
width grows the final losses crowd together at a low value (`LocalMinimaExperimentsTests` asserts the shrinking spread).

## Exercises

Replace `double.NaN` with your answer — ideally a computation with the library — and run the cell.
"""),
]


def exercises(solutions):
    if not solutions:
        cells = []
        for k in range(1, 5):
            cells += [("code", f'Check.Prompt("02.{k}")'), ("code", f'Check.Exercise("02.{k}", double.NaN)')]
        return cells
    return [
        ("code", 'Check.Prompt("02.1")'),
        ("markdown", r"""Each of the three layers can be ordered in $6! = 720$ ways, independently: $720^3$."""),
        ("code", 'Check.Exercise("02.1", WeightSymmetry.PermutationCount(Chapter02Exercises.Widths))'),
        ("code", 'Check.Prompt("02.2")'),
        ("markdown", r"""With $A = \|(W_0, b_0)\|^2$ and $B = \|W_1\|^2$, $\frac{d}{d\alpha}(\alpha^2 A + B/\alpha^2) = 0$ gives
$\alpha^4 = B/A$."""),
        ("code", r'''var net = Chapter02Exercises.Network; var th = Chapter02Exercises.NetworkTheta;
double a = Math.Pow(net.Weights(th, 0).FrobeniusNorm(), 2) + Math.Pow(net.Biases(th, 0).L2Norm(), 2), b = Math.Pow(net.Weights(th, 1).FrobeniusNorm(), 2);
Check.Exercise("02.2", Math.Pow(b / a, 0.25))'''),
        ("code", 'Check.Prompt("02.3")'),
        ("markdown", r"""First confirm it is critical ($\|g\| \approx 0$), then count the negative eigenvalues: a saddle, not a minimum."""),
        ("code", r'''var s = Spectrum.At(Chapter02Exercises.Problem, Chapter02Exercises.SymmetricPoint);
(gradientNorm: Chapter02Exercises.Problem.Gradient(Chapter02Exercises.SymmetricPoint).L2Norm(), s.Min, index: s.NegativeCount)'''),
        ("code", 'Check.Exercise("02.3", s.NegativeCount)'),
        ("code", 'Check.Prompt("02.4")'),
        ("markdown", r"""$\hat p = 0.126$ from $N = 1000$ runs: $100\sqrt{\hat p(1-\hat p)/N}$ percentage points."""),
        ("code", 'Check.Exercise("02.4", 100 * Math.Sqrt(0.126 * (1 - 0.126) / 1000))'),
    ]


def ending(solutions):
    link = "" if solutions else "Worked solutions: `notebooks/solutions/02-local-minima.ipynb`.\n\n"
    return [("markdown", link + r"""## What to try next

- In section 1, replace `Activation.Relu` by tanh in `GradientNormTest.DigitsMlp`: the permutation symmetry survives,
  the rescaling does not (`WeightSymmetry.Check` reports NaN) — but tanh has another one: flipping the signs of a unit's
  incoming and outgoing weights. Add it to `WeightSymmetry` and test it.
- Rerun section 2 with `LabelNoise = 0` and `Steps = 4000`: on the clean digits $\|g\|$ does shrink — the test is then
  inconclusive; compute $\lambda_{\min}$ to tell a minimum from a saddle.
- Run `SafranShamir` with `StepScale = 2.5`: does a smaller step change the fraction of spurious minima? (Gradient
  descent's basins of attraction depend on the step.)
- Look at the spurious minima of $k = 8$: `CountDistinct` finds how many different ones there are up to symmetry. Print
  one as an $n \times k$ matrix (`StudentWeights`) and describe its structure (compare with the paper's Example 1).
""")]


def cells(solutions):
    return intro + first_cell(solutions) + body + exercises(solutions) + ending(solutions)


nbgen.write(os.path.join(ROOT, "notebooks", "02-local-minima.ipynb"), cells(False), "ch02")
nbgen.write(os.path.join(ROOT, "notebooks", "solutions", "02-local-minima.ipynb"), cells(True), "ch02s")
