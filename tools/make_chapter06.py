"""Writes notebooks/06-inexact-gradients.ipynb and notebooks/solutions/06-inexact-gradients.ipynb (sources only;
`descent run` stores the outputs)."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import nbgen  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NAME = "06-inexact-gradients.ipynb"

chapter = [
("markdown", r"""
# 06 — Inexact gradients: minibatches, noise and biased estimates

**Learning goals.** After this chapter you can treat the minibatch gradient as a statistical estimator and predict its
error $\sigma/\sqrt n$; explain why 100× more examples buy only 10× less error and why redundant data make small
batches nearly free; derive the **noise ball** in which constant-step SGD circles the minimum of a quadratic,
$\operatorname{Var} = \epsilon s^2/(\lambda(2-\epsilon\lambda))$, and see decaying learning rates reach the minimum;
measure batch size against the work (and the wall-clock time) to reach a target loss; recognise the damage of
correlated minibatches; and tell noisy estimates from **biased** ones — re-used examples, and contrastive divergence
for the intractable gradient of a Boltzmann machine.

Seeds: Harakeh, *Optimization for training deep models* (seed 001), "Batch and minibatch algorithms"; Srihari,
*Challenges in neural network optimization* (seed 000), §6 "Inexact gradients". Throughout, $\epsilon$ is the
learning rate, $\theta$ the parameters, $L$ the loss, $g$ the gradient and $\lambda$ a Hessian eigenvalue.
"""),
("markdown", r"""
The first code cell makes the library available (a no-op in the Descent kernel, where it is preloaded). Every
experiment in this chapter also runs from the command line, with its full default sizes and CSV or JSON output:
`dotnet run --project src/Descent.Cli -- experiment run NAME` with NAME one of `minibatch-error`, `redundancy`,
`noise-ball`, `noise-ball-schedules`, `batch-size-time`, `sampling-order`, `epoch-reuse`, `rbm-cd`; the cells below
run smaller versions so that each stays within a few seconds.
"""),
("code", r'''#load "descent.csx"'''),
("markdown", r"""
## 1. The minibatch gradient is an estimator

The training loss is a mean over $N$ examples, $L(\theta) = \frac1N\sum_{i=1}^N \ell_i(\theta)$, so its gradient
$g = \frac1N \sum_i g_i$ (with $g_i = \nabla\ell_i$) is a mean too. A minibatch $S$ of $n$ examples drawn at random gives

$$\hat g_n = \frac1n \sum_{i\in S} g_i, \qquad \mathbb E\,\hat g_n = g, \qquad
\sqrt{\mathbb E\,\lVert \hat g_n - g\rVert^2} = \frac{\sigma}{\sqrt n}, \qquad \sigma^2 = \frac1N\sum_i \lVert g_i - g\rVert^2$$

— seed 001's "standard error of the mean is $\sigma/\sqrt n$" (for draws with replacement; without replacement the
finite-population factor $\sqrt{(N-n)/(N-1)}$ multiplies it and takes it to $0$ at $n = N$). We measure it on the
digits MLP (64-32-10, tanh) at a mid-training $\theta$, averaging over many random batches per size (at least 8, and
1500/n for small n, where single examples are cheap but their gradients heavy-tailed):
"""),
("code", r'''var mbe = new MinibatchError().Run(new MinibatchErrorParameters { Draws = 8, ExamplesPerSize = 1500, BatchSizes = [1, 3, 10, 30, 100, 300, 1000] });
mbe'''),
("code", r'''var n = mbe.BatchSizes.Select(b => (double)b).ToArray();
Plot.Curves([new("measured, with replacement", mbe.Measured, n), new("σ/√n", mbe.Predicted, n),
             new("measured, without replacement", mbe.MeasuredWithoutReplacement, n), new("σ/√n·√((N−n)/(N−1))", mbe.PredictedWithoutReplacement, n)],
            xTitle: "batch size n", yTitle: "RMS error ‖ĝ − g‖", logX: true, logY: true, title: "Minibatch gradient error: slope −½")'''),
("markdown", r"""
On the log-log plot the error is a straight line of slope $-\tfrac12$ (the fitted slope is in the summary line;
`MinibatchErrorTests` asserts $-0.5 \pm 0.06$). That is the **less than linear return**: going from $n = 10$ to
$n = 1000$ — 100× the work — cuts the error only about 10×:
"""),
("code", r'''(slope: mbe.Slope, tenToThousand: mbe.ErrorRatio(10, 1000), predicted: Math.Sqrt(1000.0 / 10))'''),
("markdown", r"""
Note the last column of the table: here $\sigma \approx 17\,\lVert g\rVert$, so even a batch of 1000 has an error
half the size of the gradient it estimates. SGD works anyway, because the errors of successive steps are independent
and average out over many steps — as long as the learning rate is small (section 3).

## 2. Redundancy: a data set made of copies

Seed 001: "at worst case where all $m$ training examples are identical, evaluating the gradient at a single training
example will return its true value." Build data sets from $K = 10$ digits copied $r = 1, 10, 100$ times: the exact
gradient costs $N = Kr$ example gradients, but $\sigma$ — and so the error of a batch of $n = 5$ — does not change
with $r$. Copying one digit 100 times gives $\sigma = 0$: one example is the exact gradient, $\Theta(1)$ instead of $\Theta(N)$.
"""),
("code", r'''new Redundancy().Run()'''),
("markdown", r"""
Real data sets are not exact copies, but many examples make very similar contributions to the gradient: $\sigma$
is set by how *different* the examples are, not by how many there are.

## 3. SGD with a constant step: the noise ball

Take one eigen-direction of a quadratic, $L = \tfrac12\lambda x^2$, and a gradient with additive noise $\xi_k$ of
variance $s^2$ (for a batch of $B$ examples with per-example noise variance $s_1^2$, $s^2 = s_1^2/B$). SGD with
learning rate $\epsilon$ is $x_{k+1} = (1-\epsilon\lambda)\,x_k - \epsilon\,\xi_k$. The mean contracts,
$\mathbb E x_k = (1-\epsilon\lambda)^k x_0$, but the variance obeys $V_{k+1} = (1-\epsilon\lambda)^2 V_k + \epsilon^2 s^2$, whose
fixed point is the **stationary variance**

$$V = \frac{\epsilon^2 s^2}{1-(1-\epsilon\lambda)^2} = \frac{\epsilon\, s^2}{\lambda\,(2-\epsilon\lambda)}, \qquad
\mathbb E\big[\tfrac12\lambda x^2\big] = \frac{\epsilon\, s^2}{2(2-\epsilon\lambda)} \approx \frac{\epsilon s^2}{4}.$$

The ball shrinks like $\epsilon/B$, and its excess loss per direction hardly depends on $\lambda$. Bottou, Curtis &
Nocedal (2018, arXiv:1606.04838, §4) prove the same picture for any strongly convex objective: with a fixed step, SGD
converges only to a neighbourhood of the minimum whose size is proportional to $\epsilon$. A check of the
closed form against iterating the variance recursion (ε = 0.1, λ = 10, s² = 1):
"""),
("code", r'''double v = 0; for (int k = 0; k < 500; k++) v = Math.Pow(1 - 0.1 * 10, 2) * v + 0.1 * 0.1 * 1.0;
(recursion: v, closedForm: NoiseBall.StationaryVariance(10, 0.1, 1.0))'''),
("markdown", r"""
Now simulated: 2000 independent SGD chains on $\tfrac12(x_1^2 + 10x_2^2)$ with Gaussian gradient noise ($s_1 = 1$),
run from the minimum for eight relaxation times, for several $\epsilon$ and $B$:
"""),
("code", r'''var ball = new NoiseBallSimulation().Run(new NoiseBallParameters { Chains = 2000, LearningRates = [0.02, 0.05, 0.1, 0.15], BatchSizes = [1, 16] });
ball.Summary'''),
("code", r'''var eps = ball.LearningRates;
Plot.Curves([new("λ = 1, B = 1 simulated", ball.Measured(1, 1), eps), new("λ = 1, B = 1 formula", ball.Predicted(1, 1), eps),
             new("λ = 10, B = 1 simulated", ball.Measured(10, 1), eps), new("λ = 10, B = 1 formula", ball.Predicted(10, 1), eps),
             new("λ = 1, B = 16 simulated", ball.Measured(1, 16), eps), new("λ = 1, B = 16 formula", ball.Predicted(1, 16), eps)],
            xTitle: "learning rate ε", yTitle: "stationary Var x", logX: true, logY: true, title: "Noise ball: ε s²/(λ(2 − ελ))")'''),
("markdown", r"""
Simulation and formula agree to within a few Monte Carlo standard errors $\sqrt{2/M}$ (`NoiseBallSimulationTests` asserts
10 % with 4000 chains).
One chain per learning rate, drawn on the loss contours (drag the slider or press play): each runs down the valley
like gradient descent, then wanders in an ellipse whose half-widths are $\sqrt{V}$ per direction — wider along the
flat direction $\lambda = 1$, and larger for larger $\epsilon$:
"""),
("code", r'''var bowl = Quadratic.FromEigenvalues2D(1, 10, 0); double[] rates = [0.01, 0.03, 0.1, 0.15];
var chains = rates.Select(e => Trainer.Run(bowl, Optimizers.NoisyGradientDescent(e, 1.0, seed: 6), Point.Of(2.5, 1.5), new TrainingOptions { MaxSteps = 400 })).ToArray();
Plot.AnimateTrajectories(bowl, chains, rates, box: PlotBox.Square(3), title: "SGD with gradient noise s = 1: the noise ball grows with ε")'''),
("markdown", r"""
## 4. Decaying learning rates reach the minimum

A constant $\epsilon$ stalls at the noise-ball level $\sum_i \epsilon s^2/(2(2-\epsilon\lambda_i))$. Shrinking $\epsilon$
shrinks the ball: step decay (halve every 500 steps) and inverse-time decay $\epsilon_k = \epsilon_0/(1 + 0.01k)$ —
which satisfies Robbins & Monro's (1951, *Ann. Math. Statist.* 22:400) conditions $\sum_k\epsilon_k = \infty$, $\sum_k \epsilon_k^2 < \infty$ — keep
going down. Mean excess loss over 200 chains:
"""),
("code", r'''var schedules = new ScheduleComparison().Run(new ScheduleComparisonParameters { Chains = 200 });
schedules'''),
("code", r'''var at = schedules.Constant.Steps.Select(s => (double)s).ToArray();
Plot.Curves([.. schedules.Curves.Select(c => new Series(c.Schedule, c.ExcessLoss, at)), new Series("noise-ball level (formula)", at.Select(_ => schedules.Plateau).ToArray(), at)],
            yTitle: "E[L(x) − L(x*)]", logY: true, title: "Constant vs decaying learning rates")'''),
("markdown", r"""
Early on all three coincide (the deterministic contraction dominates); then the constant step flattens exactly at the
predicted level, while the decaying schedules trade speed for precision and end some 50× lower.

## 5. Batch size vs work and wall-clock time to a target loss

Seed 001 on choosing the batch size: larger batches estimate the gradient better, but with less than linear returns;
and "multicore architectures are usually underutilized by extremely small batches". We train the digits MLP until the
full training loss reaches 0.1, for $B$ from 1 to the whole training set (1078), each with the learning rate from a
grid $0.025\cdot 2^j$ that got there with the fewest examples. The deterministic cost is the number of
**examples processed** (example gradients); the wall-clock time of the steps is also recorded but depends on the
machine and its load — the stored table below was measured once, on a loaded 2-core machine, and will differ on yours:
"""),
("code", r'''var race = StoredCsv.Read("batch-size-time.csv");
StoredCsv.Comment("batch-size-time.csv") + "\n\n" + race'''),
("code", r'''var bs = StoredCsv.Column(race, "batch_size");
Plot.Grid([Plot.Curves([new("examples to loss 0.1", StoredCsv.Column(race, "examples"), bs)], xTitle: "batch size B", yTitle: "examples", logX: true, logY: true),
           Plot.Curves([new("seconds (machine-dependent)", StoredCsv.Column(race, "wall_seconds_machine_dependent"), bs)], xTitle: "batch size B", yTitle: "seconds", logX: true, logY: true)],
          titles: ["work (deterministic)", "wall-clock time (this machine, one run)"])'''),
("markdown", r"""
Up to $B \approx 64$ the work to reach the target is about one epoch whatever the batch size — the best learning rate
grows in proportion to $B$, the "linear scaling rule" of Goyal et al. (2017, arXiv:1706.02677) — and beyond it larger
batches waste examples: full-batch gradient descent needs about 8× the work. McCandlish et al. (2018,
arXiv:1812.06162) call the batch size where this bend happens the *critical batch size* and predict it from the
gradient noise of section 1. Wall-clock time tells a different story at the small end: every step pays a fixed overhead, so in the
stored run a step of one example took about a tenth of the time of a step of 64 examples, not a sixty-fourth — per
example, $B = 1$ was several times slower, and it took as many seconds as full-batch descent although it needed
8× fewer examples. The best
wall-clock batch size lies in between and depends on the hardware and its load. A small live run (work only, no timings):
"""),
("code", r'''new BatchSizeRace().Run(new BatchSizeRaceParameters { BatchSizes = [16, 1078], LearningRates = [0.8, 6.4] }).DeterministicTable()'''),
("markdown", r"""
**Small batches as a regularizer?** Seed 001 quotes Wilson & Martinez (2003): the best generalization error is often
achieved with batch size 1. In the stored table the validation error at equal training loss ranges from 3.9 % to 5.6 %
— but one validation digit is 0.28 points, and the binomial standard error of a 359-example validation set is about
1.1 points, so on this small problem the effect is not resolved (`InexactGradientTrainingTests` asserts only that
the spread stays within three standard errors). A claim about regularization needs many seeds and a larger validation set.

## 6. Sampling order: correlated minibatches

"It is extremely crucial that minibatches are sampled at random" — two successive minibatches should be independent.
The same network, start and learning rate ($B = 8$, $\epsilon = 0.5$), three orders: a fresh shuffle every epoch;
one shuffle reused every epoch (what "shuffle once and store on disk" gives); and the data sorted by class, so that
each stretch of steps sees one digit only.
"""),
("code", r'''var orders = new SamplingOrderComparison().Run(new SamplingOrderParameters { Epochs = 3, RecordEvery = 27 });
orders'''),
("code", r'''Plot.Curves(orders.Curves.Select(c => new Series(c.Order.ToString(), c.TrainLoss, c.Epochs)), xTitle: "epoch", yTitle: "training loss", logY: true,
            title: "Shuffled every epoch, shuffled once, sorted by class")'''),
("markdown", r"""
Shuffling once is as good as shuffling every epoch (seed 001: "does not seem to have a detrimental effect"), while the
sorted order saw-tooths: each class's run of steps pulls the network towards that class and it forgets the others, so
the loss at any moment is many times higher. The full-size run is `dotnet run --project src/Descent.Cli -- experiment run sampling-order`.

## 7. Biased estimates (i): re-used examples

The minibatch gradient is an unbiased estimate of the **generalization** gradient only while its examples are new to
$\theta$. In the first epoch every batch is fresh, so its loss, taken *before* the step that uses it, estimates the
loss on unseen data; from the second epoch on the same examples come back, $\theta$ has already been fitted to them,
and the batch estimates follow the (lower) training loss. 200 training digits, $B = 10$:
"""),
("code", r'''var reuse = new EpochReuse().Run(new EpochReuseParameters { Epochs = 8 });
reuse'''),
("code", r'''var ep = reuse.Epochs.Select(e => (double)e).ToArray();
Plot.Curves([new("batch loss before its step", reuse.BatchLoss, ep), new("training loss", reuse.TrainLoss, ep), new("validation loss", reuse.ValidationLoss, ep)],
            xTitle: "epoch", yTitle: "mean loss over the epoch", logY: true, title: "First pass unbiased, later passes not")'''),
("markdown", r"""
In epoch 1 the batch loss and the validation loss agree (gap ≈ 0, within the sampling error of 200 examples) — even
though the full training loss is already lower, because it includes the examples just fitted. From epoch 2 on the
batch loss sticks to the training loss and the gap to validation opens and keeps growing.

## 8. Biased estimates (ii): an intractable gradient and contrastive divergence

Seed 000: "in other cases the objective function is intractable, in which case the gradient is intractable as well;
contrastive divergence gives a technique for approximating the gradient of the intractable log-likelihood of a
Boltzmann machine." A restricted Boltzmann machine with binary visible $v$ and hidden $h$ has
$E(v,h) = -a^\top v - b^\top h - v^\top W h$ and $p(v) = e^{-F(v)}/Z$ with the free energy
$F(v) = -a^\top v - \sum_j \operatorname{softplus}(b_j + (v^\top W)_j)$ and $Z = \sum_v e^{-F(v)}$. The gradient of
the mean negative log-likelihood is

$$\nabla L = \mathbb E_{\text{data}}[\nabla F(v)] - \mathbb E_{\text{model}}[\nabla F(v)],$$

and the model expectation needs $Z$ — a sum over $2^V$ states. **CD-k** (Hinton 2002, *Neural Computation* 14:1771) replaces it by $\nabla F$ at the
end of $k$ Gibbs steps $v \to h \sim p(h\mid v) \to v' \sim p(v'\mid h)$ started at the data. With $V = 6$ visible and
$H = 4$ hidden units $Z$ has 64 terms, so everything is exact here. The data: 300 vectors from two modes (all off,
80 %; all on, 20 %; each bit flipped with probability 0.05). First, the exact gradient against central differences
of the exact log-likelihood:
"""),
("code", r'''var rbm = ContrastiveDivergenceBias.Student(new ContrastiveDivergenceParameters());
var th = rbm.Initialize(seed: 3, scale: 1.0);
(rbm.ToString(), gradientVsFiniteDifferences: (rbm.Gradient(th) - FiniteDifference.Gradient(rbm, th)).L2Norm() / rbm.Gradient(th).L2Norm())'''),
("markdown", r"""
Now train from the same start with the exact gradient, CD-1 and CD-5, and, where CD-1 training ends, measure the bias
$\lVert \mathbb E[\text{CD-}k] - \nabla L\rVert$ — computed exactly from the $64\times64$ Gibbs transition matrix
$T$: $\mathbb E[\text{CD-}k] = \sum_v (q - qT^k)(v)\,\nabla F(v)$ with $q$ the data distribution — and the Monte Carlo
noise of a single CD-k estimate:
"""),
("code", r'''var cd = new ContrastiveDivergenceBias().Run(new ContrastiveDivergenceParameters { Draws = 6, TrainingK = 5, Ks = [1, 3, 10, 30] });
cd'''),
("code", r'''var ks = cd.Rows.Select(r => (double)r.K).ToArray(); var steps6 = cd.Steps.Select(s => (double)s).ToArray();
Plot.Grid([Plot.Curves([new("bias ‖E[CD-k] − ∇L‖", cd.Rows.Select(r => r.Bias).ToArray(), ks), new("noise of one estimate", cd.Rows.Select(r => r.Noise).ToArray(), ks)], xTitle: "k (Gibbs steps)", yTitle: "norm", logX: true, logY: true),
           Plot.Curves([new("exact gradient", cd.Exact, steps6), new("CD-1", cd.CdOne, steps6), new($"CD-{cd.TrainingK}", cd.CdK, steps6)], yTitle: "exact NLL")],
          titles: ["bias vs noise at the CD-1 end point", "training with each gradient"])'''),
("markdown", r"""
Where CD-1 stops, its expected update is nearly orthogonal to the true gradient (cosine in the table) and its bias is
almost the whole gradient: the Gibbs chain started in the big mode seldom visits the small one, so CD-1 cannot see how
the model shares its mass between them, and training stalls at a worse likelihood. The noise of one estimate
stays about the same size for every $k$ (0.06–0.1 here), but the bias shrinks as the chain runs longer; CD-5 already trains almost as well as the exact
gradient here. `ContrastiveDivergenceBiasTests` assert these claims, and `RestrictedBoltzmannMachineTests` check $Z$
against a brute-force sum over $(v, h)$, the gradient against finite differences, $pT = p$, and that the Monte Carlo
CD average matches its exact expectation.

## Exercises

Replace `double.NaN` with your answer — ideally a computation with the library — and run the cell.
"""),
]

student_exercises = []
for k in range(1, 5):
    student_exercises += [("code", f'Check.Prompt("06.{k}")'), ("code", f'Check.Exercise("06.{k}", double.NaN)')]

ending = [
("markdown", r"""
Worked solutions: `notebooks/solutions/06-inexact-gradients.ipynb`.

## What to try next

- In section 1, set `WarmupSteps = 0` (the Glorot start) or `2000` (near convergence): how does $\sigma/\lVert g\rVert$ change, and so the batch size you need?
- Give `NoiseBallParameters` a learning rate close to $2/\lambda_{\max} = 0.2$: the factor $1/(2 - \epsilon\lambda)$ blows up — see it in the simulation.
- Rerun `SamplingOrderComparison` with `BatchSize = 32`: fewer steps per class, less forgetting. Which matters, the batch or the run of one class?
- Make the RBM data a single mode (`FirstModeWeight` near 1) or raise `FlipProbability`: when does CD-1's bias disappear?
- Extend the library (`docs/extend.md`, chapter 06): implement Polyak–Ruppert averaging in `extend/Chapter06.cs` and
  check that the average of the noise-ball iterates of section 3 sits far closer to the minimum than the last one.
  Harder: add *persistent* contrastive divergence (Tieleman 2008, ICML) — chains that continue between steps — and
  measure its bias as in section 8.
"""),
]

solutions = [
("markdown", r"""
# 06 — Inexact gradients: worked solutions

Each answer is computed with the library, then checked.
"""),
("code", r'''#load "descent.csx"'''),
("markdown", r"""
**06.1** The standard error $\sigma/\sqrt n$ is at most $0.1$ when $n \ge \sigma^2/0.1^2$; round up to a whole batch:
"""),
("code", r'''double sigma = Chapter06Exercises.Sigma;
Check.Exercise("06.1", Math.Ceiling(sigma * sigma / (Chapter06Exercises.TargetError * Chapter06Exercises.TargetError)))'''),
("markdown", r"""
So a standard error of 0.1 needs several hundred examples per batch — with 10× less error needing 100× more.

**06.2** A batch of $B$ examples divides the noise variance: $s^2 = s_1^2/B = 0.25$. Then
$V = \epsilon s^2/(\lambda(2-\epsilon\lambda))$:
"""),
("code", r'''double s2 = Chapter06Exercises.ExampleNoiseVariance / Chapter06Exercises.BatchSize;
double eps = Chapter06Exercises.LearningRate, lambda = Chapter06Exercises.Curvature;
Check.Exercise("06.2", eps * s2 / (lambda * (2 - eps * lambda)))'''),
("markdown", r"""
**06.3** Set $V = r^2$ and solve $V\lambda(2 - \epsilon\lambda) = \epsilon s^2$ for $\epsilon$:
$\epsilon = 2\lambda V/(s^2 + \lambda^2 V)$:
"""),
("code", r'''double V = Chapter06Exercises.Radius * Chapter06Exercises.Radius;
Check.Exercise("06.3", 2 * lambda * V / (s2 + lambda * lambda * V))'''),
("markdown", r"""
The small-step answer $2\lambda V/s^2$ is 2.6 % too large: at $\epsilon\lambda \approx 0.05$ the factor $2-\epsilon\lambda$ still matters.

**06.4** $Z = \sum_v e^{-F(v)}$ over the $2^3 = 8$ visible vectors (the hidden units are summed out inside $F$):
"""),
("code", r'''var r = Chapter06Exercises.Rbm; var t = Chapter06Exercises.RbmTheta;
Check.Exercise("06.4", Math.Log(Enumerable.Range(0, r.ConfigurationCount).Sum(v => Math.Exp(-r.FreeEnergy(t, v)))))'''),
("markdown", r"""
For $V = 6$ this sum has 64 terms; for a 784-pixel image it would have $2^{784}$ — which is why the log-likelihood
gradient of a real RBM is intractable and contrastive divergence exists.
"""),
]

nbgen.write(os.path.join(ROOT, "notebooks", NAME), chapter + student_exercises + ending, "ch06")
nbgen.write(os.path.join(ROOT, "notebooks", "solutions", NAME), solutions, "ch06s")
