using MathNet.Numerics.LinearAlgebra;

namespace Descent.Optimization;

/// <summary>
/// Gradient clipping by norm (Pascanu, Mikolov &amp; Bengio 2013; Goodfellow et al. 2016, §10.11.1):
/// output u·maxNorm/‖u‖ when ‖u‖ &gt; maxNorm, otherwise u. Keeps the direction, bounds the length.
/// Stateless.
/// </summary>
public sealed class ClipByGlobalNorm : StatelessTransform
{
    /// <summary>Creates norm clipping.</summary>
    /// <param name="maxNorm">Threshold v &gt; 0 on the Euclidean norm.</param>
    public ClipByGlobalNorm(double maxNorm) => MaxNorm = Guard.Positive(maxNorm, nameof(maxNorm));

    /// <summary>The threshold on ‖u‖₂.</summary>
    public double MaxNorm { get; }

    /// <inheritdoc />
    protected override Vector<double> Apply(Vector<double> update, StepContext context)
    {
        double norm = update.L2Norm();
        return norm > MaxNorm ? update * (MaxNorm / norm) : update.Clone();
    }

    /// <inheritdoc />
    public override string ToString() => $"clip(‖g‖≤{Text.Num(MaxNorm)})";
}
