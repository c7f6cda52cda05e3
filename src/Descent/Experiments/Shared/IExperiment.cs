namespace Descent.Experiments;

/// <summary>
/// A reproduced result (a seed's figure or table, a paper's experiment) as a type: parameters with
/// defaults (a record), a seed, and a result that notebooks plot and tests assert on.
/// Implementations with a public parameterless constructor are found by <see cref="ExperimentRegistry"/>
/// and run from the command line with <c>descent experiment run NAME [--param value …] [--seed N]</c>.
/// </summary>
public interface IExperiment
{
    /// <summary>Kebab-case name used on the command line, e.g. "conditioning-sweep".</summary>
    string Name { get; }

    /// <summary>Two-digit chapter that uses it, e.g. "01".</summary>
    string Chapter { get; }

    /// <summary>One sentence: what it computes.</summary>
    string Summary { get; }

    /// <summary>The parameter record with its defaults; its public settable properties are the experiment's parameters.</summary>
    object DefaultParameters { get; }

    /// <summary>Runs with the given parameters (an instance of the default's type), reporting progress in [0, 1]
    /// and honouring cancellation.</summary>
    IExperimentResult Run(object parameters, IProgress<double>? progress = null, CancellationToken cancellationToken = default);
}
