using Descent.Functions;
using MathNet.Numerics.LinearAlgebra;

namespace Descent.Models;

/// <summary>
/// Stochastic view of a row-wise model: every <see cref="Objective.Gradient"/>,
/// <see cref="Objective.ValueAndGradient"/> and <see cref="Objective.HessianVectorProduct"/> call draws a new
/// batch S of row indices from the supplied sampler and returns the minibatch estimate
/// ĝ = ∇L_S(θ) = (1/|S|) Σ_{n∈S} ∇ℓₙ(θ) + ∇R(θ) (with the minibatch loss L_S(θ) from ValueAndGradient).
/// <see cref="Objective.Value"/> is the full-data loss L(θ), so a training loop that monitors Value sees the
/// true objective while it steps along noisy gradients.
/// </summary>
/// <remarks>The sampler is any seeded <c>Func&lt;int[]&gt;</c> (e.g. from Descent.Data); every batch it returns
/// is validated. <see cref="Objective.Hessian"/> uses the full data (exact), not a batch.</remarks>
public sealed class MinibatchObjective : Objective
{
    private readonly IRowObjective _model;
    private readonly Func<int[]> _sampler;
    private int[] _lastBatch = [];

    /// <summary>Wraps <paramref name="model"/> with a batch <paramref name="sampler"/>.</summary>
    public MinibatchObjective(IRowObjective model, Func<int[]> sampler)
        : base(model?.Dimension ?? throw new ArgumentNullException(nameof(model)), $"{model.Name}, minibatches")
    {
        ArgumentNullException.ThrowIfNull(sampler);
        _model = model;
        _sampler = sampler;
    }

    /// <summary>The underlying model.</summary>
    public IRowObjective Model => _model;

    /// <summary>Number of batches drawn so far.</summary>
    public long BatchesDrawn { get; private set; }

    /// <summary>The row indices of the most recent batch (a copy; empty before the first draw).</summary>
    public int[] LastBatch => (int[])_lastBatch.Clone();

    private int[] Draw()
    {
        var batch = _sampler() ?? throw new InvalidOperationException("The batch sampler returned null.");
        RowSubsetObjective.CheckRows((ReadOnlySpan<int>)batch, _model.ExampleCount, "sampler");
        _lastBatch = batch;
        BatchesDrawn++;
        return batch;
    }

    /// <inheritdoc />
    protected override double ValueCore(Vector<double> theta) => ((Objective)FullObjective).Value(theta);

    private Objective FullObjective => _model as Objective
        ?? throw new NotSupportedException($"{_model.Name} is not an Objective.");

    /// <inheritdoc />
    protected override Vector<double> GradientCore(Vector<double> theta) => _model.ValueAndGradient(theta, Draw()).Gradient;

    /// <inheritdoc />
    protected override (double Loss, Vector<double> Gradient) ValueAndGradientCore(Vector<double> theta) =>
        _model.ValueAndGradient(theta, Draw());

    /// <inheritdoc />
    protected override Vector<double> HessianVectorProductCore(Vector<double> theta, Vector<double> v) =>
        _model.HessianVectorProduct(theta, v, Draw());

    /// <inheritdoc />
    protected override Matrix<double> HessianCore(Vector<double> theta) => FullObjective.Hessian(theta);

    /// <inheritdoc />
    public override string ToString() => $"{_model}, minibatch gradients ({BatchesDrawn} batches drawn)";
}
