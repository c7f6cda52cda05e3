namespace Descent.Experiments;

/// <summary>What an experiment returns: a one-line summary and a table (for CSV/JSON output and the site).</summary>
public interface IExperimentResult
{
    /// <summary>One line a notebook prints under the cell.</summary>
    string Summary { get; }

    /// <summary>The result as a table.</summary>
    ResultTable ToTable();
}
