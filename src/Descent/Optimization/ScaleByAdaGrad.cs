using MathNet.Numerics.LinearAlgebra;

namespace Descent.Optimization;

/// <summary>
/// AdaGrad (Duchi, Hazan &amp; Singer 2011; Goodfellow et al. 2016, Algorithm 8.4):
/// r ← r + u ⊙ u, output u ⊘ (epsilon + √r) elementwise.
/// </summary>
public sealed class ScaleByAdaGrad : GradientTransform<ScaleByAdaGrad.State>
{
    /// <summary>The accumulated squared gradients r.</summary>
    /// <param name="SumOfSquares">r, owned by the state.</param>
    public sealed record State(Vector<double> SumOfSquares) : TransformState
    {
        /// <inheritdoc />
        public override string ToString() => $"r = {Text.Vec(SumOfSquares)}";
    }

    /// <summary>Creates AdaGrad scaling.</summary>
    /// <param name="epsilon">δ &gt; 0 added to √r for numerical stability (10⁻⁷ in the book).</param>
    public ScaleByAdaGrad(double epsilon = 1e-7) => Epsilon = Guard.Positive(epsilon, nameof(epsilon));

    /// <summary>δ.</summary>
    public double Epsilon { get; }

    /// <inheritdoc />
    protected override State InitCore(Vector<double> theta) => new State(Vector<double>.Build.Dense(theta.Count));

    /// <inheritdoc />
    protected override (Vector<double> Update, State State) UpdateCore(Vector<double> update, State state, StepContext context)
    {
        var r = state.SumOfSquares + update.PointwiseMultiply(update);
        var u = Vector<double>.Build.Dense(update.Count, i => update[i] / (Epsilon + Math.Sqrt(r[i])));
        return (u, new State(r));
    }

    /// <inheritdoc />
    public override string ToString() => $"adagrad(δ={Text.Num(Epsilon)})";
}
