"""Writes notebooks/05-long-term-dependencies.ipynb and its solutions (sources only; `descent run` stores outputs)."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import nbgen  # noqa: E402

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "notebooks")
NAME = "05-long-term-dependencies.ipynb"

chapter = [
("markdown", r"""
# 05 — Long-term dependencies: vanishing and exploding gradients

**Learning goals.** After this chapter you can explain why a computational graph that applies the same weights again and
again — a recurrent network unrolled over time, or a very deep chain of layers — makes gradients vanish or explode: you can
write $W^t = V\,\mathrm{diag}(\lambda)^t\,V^{-1}$ and say which components survive, predict the slope of
$\log\|\partial h_T/\partial h_t\|$ from the spectral radius $\rho$ of the recurrent matrix, say what a saturating $\tanh$
adds, and choose an initialization that lets a recurrent network learn a long-lag memory task.

Seeds: Srihari §5 (long-term dependencies), Harakeh (long-term dependencies: vanishing and exploding gradients), the UvA
notes (vanishing and exploding gradients). Papers:
Y. Bengio, P. Simard, P. Frasconi, *Learning long-term dependencies with gradient descent is difficult*, IEEE TNN 1994;
R. Pascanu, T. Mikolov, Y. Bengio, *On the difficulty of training recurrent neural networks*, 2013, arXiv:1211.5063;
A. Saxe, J. McClelland, S. Ganguli, *Exact solutions to the nonlinear dynamics of learning in deep linear neural
networks*, 2014, arXiv:1312.6120; Q. Le, N. Jaitly, G. Hinton, *A simple way to initialize recurrent networks of rectified
linear units*, 2015, arXiv:1504.00941.
"""),
("markdown", "The first code cell makes the library available (a no-op in the Descent kernel, where it is preloaded)."),
("code", r'''#load "descent.csx"'''),
("markdown", r"""
## 1. Repeated multiplication by the same matrix

"Repeated application of same parameters gives rise to difficulties" (seed 000). Suppose a graph multiplies by the same
$W$ at every step. If $W$ has an eigendecomposition $W = V\,\mathrm{diag}(\lambda)\,V^{-1}$, then

$$W^t = V\,\mathrm{diag}(\lambda)^t\,V^{-1}, \qquad W^t x = \sum_i c_i\,\lambda_i^t\,v_i \quad\text{with } c = V^{-1}x,$$

so the part of $x$ along an eigenvector with $|\lambda_i| > 1$ **explodes** like $|\lambda_i|^t$ and the part along one with
$|\lambda_i| < 1$ **vanishes**. We compute $\|W^t x\|$ both ways — $t$ repeated products, and the (complex) eigen formula —
for a hand-built $W$ with eigenvalues 1.1, 0.9 and 0.5, and for a random Gaussian $8\times 8$ matrix:
"""),
("code", r'''var powers = new MatrixPowers().Run();
powers'''),
("code", r'''var hand = powers.HandBuilt; var ts = Enumerable.Range(0, hand.DirectNorms.Length).Select(t => (double)t).ToArray();
Plot.Curves([new("‖Wᵗx‖ (products)", hand.DirectNorms, ts), new("‖V diag(λ)ᵗ V⁻¹x‖", hand.EigenNorms, ts),
             .. hand.Components.Select((c, i) => new Series($"component along λ = {hand.Eigenvalues[i].Real:G3}", c, ts))], xTitle: "t", yTitle: "size", logY: true, title: "Hand-built W")'''),
("markdown", r"""
On a log scale each component is a straight line of slope $\ln|\lambda_i|$; the total follows the largest. The two ways
of computing $W^t x$ agree to rounding (`MatrixPowersTests` also checks the components against eigenvectors worked out by
hand: $x = 3.25\,v_1 + 1.75\,v_2 + v_3$). The random matrix has complex eigenvalues; each conjugate pair rotates while it
grows or shrinks:
"""),
("code", r'''var rnd = powers.Random;
Plot.Curves([new("‖Wᵗx‖", rnd.DirectNorms, ts), .. rnd.Components.Select((c, i) => new Series($"|λ| = {rnd.Eigenvalues[i].Magnitude:G3}", c, ts))], xTitle: "t", yTitle: "size", logY: true, title: "Random Gaussian W (8×8)")'''),
("markdown", r"""
## 2. Gradients through time in a recurrent network

A vanilla RNN $h_t = \phi(W h_{t-1} + U x_t + b)$ back-propagates through the Jacobian

$$\frac{\partial h_T}{\partial h_t} = \prod_{j=t+1}^{T} \mathrm{diag}\big(\phi'(z_j)\big)\,W .$$

For a **linear** RNN ($\phi$ = identity) this is $W^{T-t}$, whose norm grows like $\rho^{T-t}$ with $\rho = \max_i|\lambda_i|$
(Gelfand's formula $\|W^k\|^{1/k} \to \rho$). So $\log\|\partial h_T/\partial h_t\|$ against the lag $T - t$ is a line of slope
$\ln\rho$: negative for $\rho = 0.9$ (vanishing), zero for $\rho = 1$, positive for $\rho = 1.1$ (exploding). With $\tanh$,
$|\phi'| \le 1$ can only shrink the product, and **saturated** units ($\phi' \approx 0$) make it vanish even when $\rho > 1$.

We build a 16-unit RNN over $T = 100$ random inputs with $W = \rho Q$ ($Q$ orthogonal: $\|W^k\| = \rho^k$ exactly) or a Gaussian
$W$ rescaled to spectral radius $\rho$, and fit the slope:
"""),
("code", r'''var prop = new GradientPropagation().Run();
prop'''),
("code", r'''var lags = Enumerable.Range(0, prop.Curves[0].Norms.Length).Select(k => (double)k).ToArray();
Plot.Curves(prop.Curves.Where(c => c.Activation == Activation.Identity).Select(c => new Series(c.Name, c.Norms, lags)), xTitle: "lag T − t", yTitle: "‖∂h_T/∂h_t‖", logY: true, title: "Linear RNN")'''),
("markdown", r"""
For $W = \rho Q$ the fitted slopes equal $\ln\rho$ to rounding: $-0.1054$, $0$, $0.0953$. For Gaussian $W$ they are within a
few thousandths: since $\rho^k \le \|W^k\| \le \kappa(V)\rho^k$, the slope can differ from $\ln\rho$ by at most
$\ln\kappa(V)$ times a factor $\approx 1.5/T$ — `GradientPropagationTests` computes $\kappa(V)$ and asserts that bound.
With $\tanh$:
"""),
("code", r'''Plot.Curves(prop.Curves.Where(c => c.Activation == Activation.Tanh).Select(c => new Series(c.Name, c.Norms, lags)), xTitle: "lag T − t", yTitle: "‖∂h_T/∂h_t‖", logY: true, title: "tanh RNN: small inputs vs saturating inputs")'''),
("markdown", r"""
With small inputs ($\sigma_U = 0.01$) $\tanh$ is nearly linear and $\rho = 0.9$ and $1$ behave as before; at $\rho = 1.1$ the
state itself grows until $\tanh$ saturates, which caps the growth (slope 0.025 instead of 0.095). With large inputs
($\sigma_U = 2$) the units sit in the flat tails of $\tanh$ and the gradient vanishes for every $\rho$ — even $\rho = 1.1$ loses
a factor of about $e^{-0.6}$ per step. Every $\tanh$ curve stays below $\rho^{T-t}$, as $|\phi'| \le 1$ requires.

The fitted slopes against $\ln\rho$, one line per family; a linear RNN sits on the diagonal slope $= \ln\rho$:
"""),
("code", r'''var diagonal = new[] { Math.Log(0.9), Math.Log(1.1) };
Plot.Curves([new("slope = ln ρ", diagonal, diagonal), .. prop.Families.Select(f => new Series(f.Name, f.Slopes, f.LogSpectralRadii))], xTitle: "ln ρ", yTitle: "fitted slope of ln‖∂h_T/∂h_t‖", title: "Fitted slope against ln ρ")'''),
("markdown", r"""

## 3. Very deep feed-forward chains

"When computational graphs become extremely deep, as with feed-forward networks with many layers" (seed 000) the same
happens without recurrence. A chain of $L = 100$ linear layers of width $n = 32$, $x_l = W_l x_{l-1}$, entries
$\mathcal N(0, \sigma^2/n)$, either the **same** $W$ at every layer (like an unrolled RNN) or an **independent** $W_l$ per layer.
With shared weights $\ln\|x_l\|$ grows like $l\ln\rho(W)$. With independent ones, $\|W x\|^2/\|x\|^2 \sim \sigma^2\chi^2_n/n$ for
any fixed $x$, so on average

$$\frac{1}{L}\,\mathbb E\ln\|x_L\| = \gamma = \ln\sigma + \tfrac12\Big(\psi\big(\tfrac n2\big) + \ln\tfrac 2n\Big)$$

($\psi$ the digamma function). Both are exponential in depth (4 repeats averaged; `DeepChainTests` uses 8):
"""),
("code", r'''var chain = new DeepChain().Run(new DeepChainParameters { Repeats = 4 });
chain'''),
("code", r'''var layers = Enumerable.Range(0, chain.Curves[0].MeanLogNorms.Length).Select(l => (double)l).ToArray();
Plot.Curves(chain.Curves.Select(c => new Series(c.Name, c.MeanLogNorms, layers)), xTitle: "layer l", yTitle: "mean ln‖x_l‖", title: "Deep linear chains: shared vs independent weights")'''),
("markdown", r"""
Measured rates match the predictions ($\gamma$ for independent layers to within the sampling error, $\ln\rho(W)$ for shared
ones), and both kinds vanish at $\sigma = 0.9$ and explode at $\sigma = 1.1$. Independent layers differ in one useful way: their
rate depends on $\sigma$ alone, so one number tunes it, while a shared $W$'s rate is set by its largest eigenvalue, a random
quantity for a random $W$ (Goodfellow et al. 2016, §10.7). Note that $\gamma < 0$ at $\sigma = 1$: the *typical* signal shrinks
slightly even though the *mean square* is preserved (exercise 05.3).

## 4. The long-lag memory task: what initialization does

A $\tanh$ RNN with 16 units sees one of 4 symbols, then $T$ blank steps and a recall cue, and must name the symbol (chance:
25 %). The gradient that teaches it to keep the symbol passes through the $T$ factors of section 2. Four initializations of
$W$: **small Gaussian** (entries $\mathcal N(0, 0.1^2)$, $\rho \approx 0.4$), **Gaussian rescaled to $\rho = 1$**, **orthogonal**
$W = Q$ (Saxe et al. 2014) and **identity** $W = I$ (Le et al. 2015); full-batch momentum ($\epsilon = 0.02$, $\beta = 0.9$, 300
steps), without and with clipping by norm at $v = 1$; success = at least 95 % accuracy on fresh sequences. A small live run
(lag 10, one seed):
"""),
("code", r'''var memoryLive = new MemoryTaskExperiment().Run(new MemoryTaskParameters { Lags = [10], Initializations = ["gaussian", "orthogonal"], ClipNorms = [1], Seeds = 1, TrainCount = 24, TestCount = 48, Steps = 150 });
memoryLive'''),
("markdown", r"""
The column $\|\partial h_T/\partial h_1\|$ says it before training starts: with the small Gaussian almost nothing of the
gradient reaches the step where the symbol was shown. The full grid (lags 5 to 40, 3 seeds per cell) from the command line:
"""),
("code", r'''var memory = MemoryTaskResult.FromTable(StoredResults.Load("memory-task.csv"));
StoredResults.Provenance("memory-task.csv") + "\n" + memory'''),
("code", r'''Plot.Curves(memory.Configurations.Select(c => new Series(c, memory.Of(c).Select(r => r.SuccessRate).ToArray(), memory.Of(c).Select(r => (double)r.Lag).ToArray())), xTitle: "lag T", yTitle: "success rate", title: "Memory task: success rate against lag")'''),
"MEMORY_TEXT",
("markdown", r"""
## Exercises

Replace `double.NaN` with your answer — ideally a computation with the library — and run the cell.
"""),
("code", 'Check.Prompt("05.1")'),
("code", 'Check.Exercise("05.1", double.NaN)'),
("code", 'Check.Prompt("05.2")'),
("code", 'Check.Exercise("05.2", double.NaN)'),
("code", 'Check.Prompt("05.3")'),
("code", 'Check.Exercise("05.3", double.NaN)'),
("markdown", r"""
Worked solutions: `notebooks/solutions/05-long-term-dependencies.ipynb`.

## What to try next

- In section 2, set `SaturatingInputScale = 0.5`: how much saturation does it take before $\rho = 1.1$ stops exploding?
- Give `DeepChain` a width of 4 (`Width = 4`): the correction $\tfrac12(\psi(n/2) + \ln(2/n))$ grows — check the prediction
  against the run, and find the $\sigma$ of exercise 05.3 for $n = 4$.
- Run the memory task with `RecurrentScale = 0.9` and `1.1` for the orthogonal and identity initializations: which lags survive?
- Replace momentum by Adam in `MemoryTaskExperiment` (a one-line change in the library): does a per-parameter step size rescue
  the small Gaussian initialization?
- An `Rnn` with ReLU units (`Activation.Relu`) and the identity initialization is Le et al.'s IRNN: try it on the memory task.
- **Extend this**: implement `ScaledOrthogonal.Create(n, ρ, seed)` in `extend/Chapter05.cs` — $\rho Q$ from the QR of a seeded
  Gaussian matrix (task in `docs/extend.md`), check it with `dotnet test extend --filter Chapter05`, and compare it with
  `GradientPropagation.ScaledOrthogonal`.
"""),
]

solutions = [
("markdown", r"""
# 05 — Long-term dependencies: worked solutions

Each answer is computed with the library, then checked.
"""),
("code", r'''#load "../descent.csx"'''),
("markdown", r"""
**05.1** The component along $v_2$ is $c_2\,0.9^t\,v_2$; it is below 1 % of its start once $0.9^t < 0.01$. The experiment's
components show the same crossing:
"""),
("code", r'''double t = Math.Ceiling(Math.Log(0.01) / Math.Log(0.9));
var run = MatrixPowers.Compute("hand-built", MatrixPowers.HandBuiltMatrix(), Vector<double>.Build.Dense(3, 1.0), 50);
$"t = {t}; component ratio at t − 1: {run.Components[1][(int)t - 1] / run.Components[1][0]:G4}, at t: {run.Components[1][(int)t] / run.Components[1][0]:G4}"'''),
("code", r'''Check.Exercise("05.1", t)'''),
("markdown", r"""
**05.2** $\rho^{50} = 10^{-3}$ gives $\rho = 10^{-3/50}$. A linear RNN with $W = \rho Q$ confirms it:
"""),
("code", r'''double rho = Math.Pow(1e-3, 1.0 / 50);
var check = new GradientPropagation().Run(new GradientPropagationParameters { Length = 50, SpectralRadii = [rho] });
$"ρ = {rho:G6}; linear orthogonal RNN: ‖∂h_50/∂h_0‖ = {check.Curves[0].Norms[^1]:G6}"'''),
("code", r'''Check.Exercise("05.2", rho)'''),
("markdown", r"""
**05.3** Set $\gamma = \ln\sigma + \tfrac12(\psi(n/2) + \ln(2/n)) = 0$. For $n = 32$ the constant is about $-0.016$, so $\sigma^*$ is
about 1.6 % above 1:
"""),
("code", r'''double sigmaStar = Math.Exp(-0.5 * (MathNet.Numerics.SpecialFunctions.DiGamma(16) + Math.Log(2.0 / 32)));
$"σ* = {sigmaStar:G6}, γ(σ*) = {DeepChain.IndependentRate(sigmaStar, 32):G3}"'''),
("code", r'''Check.Exercise("05.3", sigmaStar)'''),
]


def write(memory_text):
    cells = [("markdown", memory_text) if c == "MEMORY_TEXT" else c for c in chapter]
    nbgen.write(os.path.join(ROOT, NAME), cells, "ch05")
    nbgen.write(os.path.join(ROOT, "solutions", NAME), solutions, "ch05-sol")


MEMORY = r"""
The small Gaussian succeeds only at lag 5, and not for every seed: its gradient to the symbol's step is $\sim 0.4^T$ —
$7\cdot10^{-4}$ at lag 10, $6\cdot10^{-13}$ at lag 40 — so from lag 10 on training never moves (its largest gradient stays
below 0.1). The three initializations with $\rho = 1$ keep $\|\partial h_T/\partial h_1\|$ near 1 and learn — at the longer lags
only with clipping: without it the gradient spikes (column `largest_gradient`: 15 to 70) and the step throws the network back
to chance level, the cliff of chapter 04 inside a real network; with clipping the spikes still come, but the step stays bounded. With clipping the orthogonal and the rescaled Gaussian initializations
solve even lag 40, the identity up to lag 20. Initialization decides whether a gradient arrives at all; clipping decides
whether training survives it. (`MemoryTaskTests` asserts the vanishing signal and the failure of the small Gaussian at lag 20,
and the success of the orthogonal and identity initializations with clipping at lags 5 and 20.)
"""

if __name__ == "__main__":
    write(MEMORY)
