using MathNet.Numerics.LinearAlgebra;

namespace Descent.Optimization;

/// <summary>
/// Adam (Kingma &amp; Ba 2015, Algorithm 1), optax's <c>scale_by_adam</c>: with t = count + 1,
/// m ← β₁m + (1 − β₁)u, v ← β₂v + (1 − β₂)u ⊙ u, m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ),
/// output m̂ ⊘ (√v̂ + epsilon).
/// </summary>
public sealed class ScaleByAdam : GradientTransform<ScaleByAdam.State>
{
    /// <summary>Adam's state (optax's <c>ScaleByAdamState(count, mu, nu)</c>).</summary>
    /// <param name="Count">Number of updates so far.</param>
    /// <param name="Mu">First-moment estimate m.</param>
    /// <param name="Nu">Second-moment estimate v.</param>
    public sealed record State(int Count, Vector<double> Mu, Vector<double> Nu) : TransformState
    {
        /// <inheritdoc />
        public override string ToString() => $"t = {Count}, m = {Text.Vec(Mu)}, v = {Text.Vec(Nu)}";
    }

    /// <summary>Creates Adam scaling.</summary>
    /// <param name="beta1">β₁ in [0, 1), 0.9 by default.</param>
    /// <param name="beta2">β₂ in [0, 1), 0.999 by default.</param>
    /// <param name="epsilon">ε &gt; 0, 10⁻⁸ by default.</param>
    public ScaleByAdam(double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    {
        Beta1 = Guard.UnitInterval(beta1, nameof(beta1));
        Beta2 = Guard.UnitInterval(beta2, nameof(beta2));
        Epsilon = Guard.Positive(epsilon, nameof(epsilon));
    }

    /// <summary>β₁.</summary>
    public double Beta1 { get; }

    /// <summary>β₂.</summary>
    public double Beta2 { get; }

    /// <summary>ε.</summary>
    public double Epsilon { get; }

    /// <inheritdoc />
    protected override State InitCore(Vector<double> theta) =>
        new State(0, Vector<double>.Build.Dense(theta.Count), Vector<double>.Build.Dense(theta.Count));

    /// <inheritdoc />
    protected override (Vector<double> Update, State State) UpdateCore(Vector<double> update, State state, StepContext context)
    {
        int t = state.Count + 1;
        var m = state.Mu * Beta1 + update * (1 - Beta1);
        var v = state.Nu * Beta2 + update.PointwiseMultiply(update) * (1 - Beta2);
        double c1 = 1 - Math.Pow(Beta1, t), c2 = 1 - Math.Pow(Beta2, t);
        var u = Vector<double>.Build.Dense(update.Count, i => m[i] / c1 / (Math.Sqrt(v[i] / c2) + Epsilon));
        return (u, new State(t, m, v));
    }

    /// <inheritdoc />
    public override string ToString() => $"adam(β₁={Text.Num(Beta1)}, β₂={Text.Num(Beta2)}, ε={Text.Num(Epsilon)})";
}
