"""Writes notebooks/08-convergence-theory.ipynb and notebooks/solutions/08-convergence-theory.ipynb (sources only;
`descent run` stores the outputs)."""
import os
import nbgen

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

chapter = [
("markdown", r"""
# 08 — Convergence theory and its limits

**Learning goals.** After this chapter you can state what the Lipschitz constant $M$ of the gradient is and estimate it,
explain why gradient descent with a learning rate $\alpha < 2/M$ decreases the loss at every step, state and check seed 004's
proposition $\min_{n \le N}\|\nabla L(W_n)\| = O(N^{-1/2})$ and its stopping-rule form, predict from the Hessian's eigenvalues
whether gradient descent converges to a stationary point or leaves it, compare Nesterov's accelerated method with gradient
descent on convex problems ($O(1/N^2)$ vs $O(1/N)$), and say what lower bounds for first-order methods mean — and what all these
guarantees do *not* tell you about training a real network.

Seeds: Bakhtin, *Basic theory: convergence of gradient descent* and *Linearization and spectral analysis* (seed 004, after
Nesterov, *Introductory Lectures on Convex Optimization*, 2004); Srihari, *Lipschitz continuity* (seed 001); Harakeh,
*Theoretical limits of optimization* (seed 000). Papers: Nesterov (1983), *A method for solving the convex programming problem
with convergence rate O(1/k²)*; Beck & Teboulle (2009), *A fast iterative shrinkage-thresholding algorithm*; Su, Boyd & Candès
(2016), arXiv:1503.01243; Lee, Simchowitz, Jordan & Recht (2016), *Gradient descent only converges to minimizers*,
arXiv:1602.04915; Carmon, Duchi, Hinder & Sidford (2017), *Lower bounds for finding stationary points I*, arXiv:1710.11606;
Cohen et al. (2021), *Gradient descent on neural networks typically occurs at the edge of stability*, arXiv:2103.00065.

Notation: $\theta$ or $W$ the parameters (the seeds write $W$), $L$ the loss, $g = \nabla L$, $H = \nabla^2 L$ (seed 004 writes
$D^2L$), $\alpha$ the learning rate, $M$ the gradient's Lipschitz constant, $\lambda$ eigenvalues.
"""),
("code", r'''#load "descent.csx"'''),
("markdown", r"""
## 1. The Lipschitz constant of the gradient

Seed 001 calls $f$ Lipschitz when $|f(x) - f(y)| \le \mathcal{L}\,\|x - y\|$; the convergence theory needs it for the gradient:

$$\|\nabla L(a) - \nabla L(b)\| \le M\,\|a - b\| \quad\text{for all } a, b .$$

By the mean value theorem $M = \sup_\theta \|\nabla^2 L(\theta)\|_2$, the largest $|\lambda|$ of the Hessian anywhere. Our test
surface is non-convex, bounded below, with a saddle, two minima and a long ramp — and every constant known in closed form:

$$L(x, y) = \tfrac12 x^2 - a \log\cosh x + b \log\cosh y,\qquad \nabla^2 L = \mathrm{diag}\big(1 - a\,\mathrm{sech}^2 x,\; b\,\mathrm{sech}^2 y\big),$$

so $M = \max(1, a - 1, b)$; with $a = 2$, $b = 1$: $M = 1$, minima $(\pm x^*, 0)$ with $x^* = 2\tanh x^* \approx 1.9150$ and
$\min L \approx -0.65305$.
"""),
("code", r'''var well = new RampedDoubleWell(depth: 2, slope: 1);
well'''),
("markdown", r"""
We rarely know $M$. Two estimates over a region (here the plot box $[-3.5, 3.5] \times [-3, 3]$): the largest Hessian
eigenvalue at sampled points, and the largest ratio $\|\nabla L(a) - \nabla L(b)\| / \|a - b\|$ over sampled pairs — a guaranteed
*lower* bound on $M$. Both should come out just below $M = 1$:
"""),
("code", r'''Lipschitz.EstimateGradient(well, samples: 400, seed: 8)'''),
("markdown", r"""
## 2. $\alpha < 2/M$ decreases $L$ at every step; $\alpha > 2/M$ does not

Seed 004's proof starts from the *descent lemma*: along the step $W^{(n+1)} = W^{(n)} - \alpha \nabla L(W^{(n)})$,

$$L(W^{(n+1)}) \le L(W^{(n)}) - \alpha\Big(1 - \frac{M\alpha}{2}\Big)\,\|\nabla L(W^{(n)})\|^2 ,$$

so every step goes down while $c = \alpha(1 - M\alpha/2) > 0$, i.e. $\alpha < 2/M$. Gradient descent from $(0.5, 0.05)$, next to
the ridge $y = 0$ where the curvature is $b = M$, with $\alpha = m/M$:
"""),
("code", r'''var steps = new StepSizeThreshold().Run();
steps'''),
("code", r'''Plot.StepSizes(steps)'''),
("markdown", r"""
For every $m < 2$ the loss never rises (the tests check the stronger per-step inequality of the lemma); for $m = 2.1$ and $2.5$
the $y$-error is multiplied by $|1 - \alpha M| > 1$ near the ridge and the loss goes up — with $m = 2.1$ gradient descent ends in a
2-cycle $y \leftrightarrow -y$ instead of a minimum:
"""),
("code", r'''Plot.Contour(well, steps.Runs.Skip(3), steps.Names.Skip(3).ToArray(), new PlotBox(-1, 3, -1.2, 1.2))'''),
("markdown", r"""
## 3. Seed 004's proposition: $\min_{n \le N} \|\nabla L(W_n)\| = O(N^{-1/2})$

Summing the descent lemma over $n = 1 \dots N$ telescopes the losses:

$$\sum_{n=1}^{N} \|\nabla L(W^{(n)})\|^2 \le \frac{1}{c}\big(L(W^{(1)}) - \min L\big)
\quad\Longrightarrow\quad \min_{n \le N} \|\nabla L(W^{(n)})\| \le \frac{c^{-1/2}}{\sqrt N}\,\big(L(W^{(1)}) - \min L\big)^{1/2}.$$

No convexity is needed — only $M$ and $\min L$, both known for our surface. We start far up the ramp at $(0.5, 20)$ and run
400 iterates for five learning rates; solid lines are the measured running minimum, dashed lines the bound in the same colour:
"""),
("code", r'''var bound = new GradientNormBound().Run();
bound'''),
("code", r'''Plot.GradientNormBound(bound)'''),
("markdown", r"""
Every measured curve stays under its bound, for every $N$ and every $\alpha$ (`Chapter08ExperimentTests` asserts all 2,000 pairs).
On the ramp $\|\nabla L\| \approx b$ while $L$ falls by about $\alpha b^2$ per step, so the bound is nearly tight there — for
$\alpha = 0.1/M$ the measured minimum reaches 0.9 of it. Once gradient descent reaches a well it converges linearly and the
$N^{-1/2}$ bound is left far behind: the proposition is a worst case, not a prediction. The bound is smallest for the $\alpha$ that
maximizes $c$ — exercise 08.1.

## 4. The stopping rule $\|\nabla L\| < \epsilon$

If every iterate before the stop has $\|\nabla L\| \ge \epsilon$, the sum above is at least $N\epsilon^2$, so the rule fires within

$$N \le \frac{L(W^{(1)}) - \min L}{c\,\epsilon^2} = O\!\left(\frac{L(W^{(1)}) - \min L}{\epsilon^2}\right) \text{ steps.}$$

Measured counts (α = 0.5/M) against the bound:
"""),
("code", r'''var stopping = new StoppingRule().Run();
stopping'''),
("code", r'''Plot.StoppingRule(stopping)'''),
("markdown", r"""
With $\epsilon$ just below the ramp's slope the count uses more than half of the budget; for small $\epsilon$ each factor 1000 costs
only about ten more steps (linear convergence in a non-degenerate well), while the bound grows by $10^6$. The $\epsilon^{-2}$ rate
*is* attained by some smooth non-convex functions, and no first-order method can beat it in the worst case (Cartis, Gould &
Toint 2010; Carmon et al. 2017, arXiv:1710.11606) — but your function need not be one of them.

## 5. Linearization: the Hessian's eigenvalues decide

Near a stationary point $W_*$, $\nabla L(W) = D^2L(W_*)(W - W_*) + o(|W - W_*|)$, so (seed 004)

$$W^{(n+1)} - W_* = \big(1 - \alpha D^2 L(W_*)\big)(W^{(n)} - W_*) + o(|W^{(n)} - W_*|),$$

and along an eigenvector with eigenvalue $\lambda$ the error is multiplied by $1 - \alpha\lambda$: positive $\lambda$ (with
$\alpha < 2/\lambda$) contract, negative ones diverge. Our saddle $(0, 0)$ has $\lambda = 1 - a = -1$ along $x$ and $b = 1$ along $y$.
Started *exactly* on the line $x = 0$ — a set of measure zero — gradient descent never feels the negative direction and converges to
the saddle, a stationary point that is not a minimum. A nudge of $10^{-8}$ in $x$ grows like $(1 + \alpha)^n$:
"""),
("code", r'''var lin = new SaddleLinearization().Run();
lin'''),
("code", r'''Plot.Linearization(lin)'''),
("markdown", r"""
Solid: measured $|W^{(n)} - W_*|$ per coordinate; dashed: the linear prediction $(1 - \alpha\lambda)^n |W^{(0)} - W_*|$ from
`LinearizedFlow`. The $x$-error at the saddle follows $10^{-8} \cdot 1.5^n$ until it is of order 0.1 — the prediction says
step $\lceil \ln 10^7 / \ln 1.5 \rceil = 40$, and that is when it leaves — then the nonlinearity takes over and carries it to a
minimum, where both errors contract at $|1 - \alpha\lambda|$. The $y$-error starts above its prediction ($\tanh y < y$) and then
runs parallel to it: the $o(\cdot)$ term fades as the error shrinks. The tests check each step against the linear map up to the
cubic remainder $\alpha a |x|^3/3$.
"""),
("code", r'''Plot.Contour(lin.Objective, lin.Runs, lin.Names, new PlotBox(-0.5, 2.5, -0.6, 0.6))'''),
("markdown", r"""
Which starts converge to the saddle? Exactly those on its *stable manifold*, here the line $x = 0$: for almost every start and
$\alpha < 1/M$ gradient descent does not converge to a strict saddle (Lee et al. 2016, arXiv:1602.04915; Recht, *Saddles again*).
That is an asymptotic statement: a start near the line spends many steps near the saddle (chapter 03).

## 6. Nesterov's accelerated method: $O(1/N^2)$ instead of $O(1/N)$

For *convex* $L$ with $M$-Lipschitz gradient and $\alpha = 1/M$, gradient descent guarantees
$L(x_N) - L^* \le M\|x_0 - x^*\|^2 / (2N)$. Nesterov's method (1983), in the form of Su, Boyd & Candès (2016),

$$x_k = y_{k-1} - \tfrac{1}{M}\nabla L(y_{k-1}),\qquad y_k = x_k + \frac{k-1}{k+2}\,(x_k - x_{k-1}),$$

guarantees $L(x_N) - L^* \le 2M\|x_0 - x^*\|^2/(N+1)^2$ (Beck & Teboulle 2009). The rates show on Nesterov's "worst function in the
world", the chain quadratic

$$f(x) = \frac M4\Big[\tfrac12\big(x_1^2 + \textstyle\sum_{i=1}^{n-1}(x_i - x_{i+1})^2 + x_n^2\big) - x_1\Big],\qquad x^*_i = 1 - \frac{i}{n+1},$$

with $n = 2N + 1$ for each horizon $N$, started at 0. Both axes are logarithmic; the gap is divided by $M\|x_0 - x^*\|^2$:
"""),
("code", r'''var rates = new NesterovRates().Run();
rates'''),
("code", r'''Plot.Rates(rates)'''),
("markdown", r"""
Nesterov's gap falls like $N^{-2}$ (fitted exponent ≈ −1.95), parallel to both its upper bound and the lower bound of the next
section: it is optimal up to a constant factor. Gradient descent stays under its $1/(2N)$ bound and falls like $N^{-1.45}$ on this
chain, slower than Nesterov by a factor that grows with $N$. Its own worst case is a different quadratic: one eigenvalue
$\lambda = M/(2N+1)$, where after $N$ steps the gap is $	frac12rac{\lambda}{M}(1 - rac{\lambda}{M})^{2N} pprox rac{1}{4eN}$ —
the third curve, exponent −1.00, a constant factor below the $1/(2N)$ bound: the $O(1/N)$ rate is real.

## 7. The limits: no first-order method can beat the chain

Why is $1/N^2$ the best possible? On the chain, $\nabla f$ at a point supported on $e_1 \dots e_k$ is supported on
$e_1 \dots e_{k+1}$. Any method whose iterates lie in $x_0 + \mathrm{span}\{\nabla f(x_0), \dots, \nabla f(x_{k-1})\}$ — gradient
descent, heavy ball, Nesterov, conjugate gradients — therefore has $x_k \in \mathrm{span}\{e_1, \dots, e_k\}$ and

$$f(x_k) - f^* \ge \min_{\mathrm{span}\{e_1..e_k\}} f - f^* = \frac M8\Big(\frac{1}{k+1} - \frac{1}{n+1}\Big)
\;\ge\; \frac{3M\|x_0 - x^*\|^2}{32(k+1)^2} \quad (n = 2k + 1),$$

Nesterov's Theorem 2.1.7. On a chain with $n = 101$ and 50 steps:
"""),
("code", r'''var lower = new FirstOrderLowerBound().Run();
lower'''),
("code", r'''Plot.LowerBound(lower)'''),
("markdown", r"""
Every first-order curve stays on or above the dashed bound; conjugate gradients, which minimizes over the Krylov span exactly,
lies *on* it. Newton's method uses the Hessian, is not a first-order method, and solves the quadratic in one step (its gap drops to
rounding level, about $10^{-16}$). Seed 000's caveat applies: such limits describe worst cases in a problem class — "difficult to tell whether a
problem falls in that class" — and have little bearing on the networks we train.

## 8. What the bounds say nothing about: a real network

The digits MLP 64-32-10 (tanh, softmax cross-entropy, full-batch gradient descent). The bound needs $M$ and $\min L$. $\min L \ge 0$,
so $L(\theta_0)$ bounds the gap. Over all of $\mathbb{R}^n$ the network's Hessian has no useful bound, so $M$ can only be estimated
over a region: here the largest $\lambda_{\max}$ at $\theta_0$ and at sampled points of the box $\theta_0 \pm 0.1$. The full run
(300 steps, 2,410 weights) is stored in `data/` — it takes about half a minute:
"""),
("code", r'''var stored = StoredResult.Load("08-bound-on-a-network.csv"); var at = stored.Column("step");
stored'''),
("code", r'''Plot.BoundCurves([new("‖∇L‖, α = 1/M (covered)", stored.Column("safe_gradient_norm"), at), new("‖∇L‖, α = 2 (not covered)", stored.Column("practical_gradient_norm"), at), new("λmax(H) along the α = 2 run", stored.Column("sharpness"), at)],
                 [new("bound for α = 1/M", stored.Column("safe_bound"), at)], "step", "value", logX: false, title: "The guarantee vs what happens")'''),
("markdown", r"""
Three things the theory does not tell you. The learning rate that trains fastest, $\alpha = 2$, is *above* $2/M$: the proposition
promises nothing for it, yet it reaches the lowest loss. For the rate the theory prefers, $\alpha = 1/M$, the promise holds but is
loose by more than a factor 10 after 300 steps. And $M$ is local: the curvature $\lambda_{\max}$ falls by more than 5× along the
run (progressive flattening here; with larger rates it settles at $2/\alpha$, the *edge of stability*, Cohen et al. 2021,
arXiv:2103.00065), so a constant sized for the worst region wastes steps everywhere else. Nor does a small gradient say anything
about the loss or the accuracy reached. A small live run of the same experiment:
"""),
("code", r'''var net = new NetworkBound().Run(new NetworkBoundParameters { Hidden = [8], Steps = 30, Samples = 0, RecordEvery = 30, LanczosSteps = 10 });
net'''),
("code", r'''Plot.NetworkBound(net)'''),
("markdown", r"""
## Exercises

Replace `double.NaN` with your answer — ideally a computation with the library — and run the cell. Exercise 08.2 takes a
start point, `new[] { x, y }`.
"""),
("code", r'''Check.Prompt("08.1")'''),
("code", r'''Check.Exercise("08.1", double.NaN)'''),
("code", r'''Check.Prompt("08.2")'''),
("code", r'''Check.Exercise("08.2", new[] { double.NaN, double.NaN })'''),
("code", r'''Check.Prompt("08.3")'''),
("code", r'''Check.Exercise("08.3", double.NaN)'''),
("code", r'''Check.Prompt("08.4")'''),
("code", r'''Check.Exercise("08.4", double.NaN)'''),
("markdown", r"""
Worked solutions: `notebooks/solutions/08-convergence-theory.ipynb`.

## What to try next

- In section 3, start at `[0.5, 2.0]` instead of up the ramp (`new GradientNormBoundParameters { Start = [0.5, 2.0] }`): how loose
  does the bound become when gradient descent converges linearly from the start?
- Make the saddle sharper with `Depth = 4` in section 5 (`new SaddleLinearizationParameters { Depth = 4, LearningRate = 0.3 }`):
  predict the escape step from $1 + \alpha(a - 1)$ before you run it.
- In section 7, give heavy ball Polyak's tuning for the chain's condition number and see how close it gets to conjugate gradients.
- Rerun `descent experiment run bound-on-a-network --learning-rate 4` and watch $\lambda_{\max}$ approach $2/\alpha$.
- Extend the library (`docs/extend.md`, chapter 08): a backtracking (Armijo) line search needs no $M$ at all — run it on
  `RampedDoubleWell` and compare the step sizes it accepts with $1/M$ and $2/M$.
"""),
]

solutions = [
("markdown", r"""
# 08 — Convergence theory and its limits: worked solutions

Each answer is computed with the library, then checked.
"""),
("code", r'''#load "descent.csx"'''),
("markdown", r"""
**08.1** The bound $c^{-1/2}N^{-1/2}(L(W_1) - \min L)^{1/2}$ is smallest when $c(\alpha) = \alpha - M\alpha^2/2$ is largest:
$c'(\alpha) = 1 - M\alpha = 0$ gives $\alpha = 1/M$ and $c = 1/(2M)$. For `DeepWell` ($a = 3$, $b = 0.5$) the Hessian is
$\mathrm{diag}(1 - 3\,\mathrm{sech}^2 x,\ 0.5\,\mathrm{sech}^2 y)$: its largest $|\lambda|$ is $|1 - 3| = 2$ at the saddle, so $M = 2$
and $\alpha = 0.5$. Checked against a sampled estimate of $M$:
"""),
("code", r'''double m = Math.Max(1, Math.Max(3 - 1, 0.5));
$"M = {m}, sampled ‖H‖₂ ≤ {Lipschitz.EstimateGradient(Chapter08Exercises.DeepWell, 400, seed: 1).MaxSpectralNorm:G4}"'''),
("code", r'''Check.Exercise("08.1", 1 / m)'''),
("markdown", r"""
**08.2** $\partial L / \partial x = x - a\tanh x$ vanishes on the whole line $x = 0$, so a start $(0, y)$ keeps $x = 0$ forever
while $y \to 0$ like $(1 - \alpha b)^n$: gradient descent converges to the saddle $(0, 0)$, which is not a minimum. Any $x \ne 0$
grows like $(1 + \alpha(a - 1))^n$ and ends in a minimum — the set of starts that reach the saddle has measure zero.
"""),
("code", r'''Check.Exercise("08.2", new[] { 0.0, 1.0 })'''),
("markdown", r"""
**08.3** Each step with $\|\nabla L\| \ge \epsilon$ lowers $L$ by at least $c\epsilon^2$, and $L$ can fall by at most
$L(\theta_0) - \min L$, so $N \le (L(\theta_0) - \min L)/(c\epsilon^2)$ with $c = \alpha(1 - M\alpha/2)$:
"""),
("code", r'''var f = Chapter08Exercises.Surface; double alpha = 0.5 / f.GradientLipschitzConstant;
double c = alpha * (1 - f.GradientLipschitzConstant * alpha / 2), gap = f.Value(Chapter08Exercises.RampStart) - f.MinimumValue;
Check.Exercise("08.3", gap / (c * 0.1 * 0.1))'''),
("markdown", r"""
(The run itself stops after about 40 steps — see section 4.)

**08.4** Entries beyond the 5th stay 0, so the best a first-order method can do is the chain's minimum over
$\mathrm{span}\{e_1..e_5\}$, $\frac M8(-1 + \frac16)$; subtract $f^* = \frac M8(-1 + \frac1{22})$:
"""),
("code", r'''double k = 5, n = 21;
Check.Exercise("08.4", 1.0 / 8 * (1 / (k + 1) - 1 / (n + 1)))'''),
]

nbgen.write(os.path.join(ROOT, "notebooks", "08-convergence-theory.ipynb"), chapter, "ch08")
nbgen.write(os.path.join(ROOT, "notebooks", "solutions", "08-convergence-theory.ipynb"), solutions, "ch08s")
