namespace Descent.Experiments;

/// <summary>Typed base for experiments: <typeparamref name="TParameters"/> is a record with defaults
/// (its parameterless constructor gives them), <typeparamref name="TResult"/> the result record.</summary>
public abstract class Experiment<TParameters, TResult> : IExperiment
    where TParameters : class, new()
    where TResult : IExperimentResult
{
    /// <inheritdoc />
    public abstract string Name { get; }

    /// <inheritdoc />
    public abstract string Chapter { get; }

    /// <inheritdoc />
    public abstract string Summary { get; }

    /// <inheritdoc />
    public object DefaultParameters => new TParameters();

    /// <summary>Runs the experiment.</summary>
    public abstract TResult Run(TParameters parameters, IProgress<double>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Runs the experiment with its default parameters.</summary>
    public TResult Run() => Run(new TParameters());

    /// <inheritdoc />
    IExperimentResult IExperiment.Run(object parameters, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        if (parameters is not TParameters typed)
        {
            throw new ArgumentException($"parameters must be a {typeof(TParameters).Name}, got {parameters?.GetType().Name ?? "null"}.", nameof(parameters));
        }

        return Run(typed, progress, cancellationToken);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} (chapter {Chapter}): {Summary}";
}
