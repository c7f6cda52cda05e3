namespace Descent.Notebooks;

/// <summary>What running one cell produced.</summary>
/// <param name="Succeeded"><c>true</c> when the cell compiled and ran to the end without an exception.</param>
/// <param name="Cancelled"><c>true</c> when the cell was stopped through its cancellation token.</param>
/// <param name="Outputs">Every output, in the order produced.</param>
/// <param name="Elapsed">Wall-clock time of the cell.</param>
public sealed record CellExecution(bool Succeeded, bool Cancelled, IReadOnlyList<CellOutput> Outputs, TimeSpan Elapsed)
{
    /// <summary>The first error output, if any.</summary>
    public ErrorOutput? Error => Outputs.OfType<ErrorOutput>().FirstOrDefault();

    /// <inheritdoc />
    public override string ToString() =>
        $"{(Cancelled ? "cancelled" : Succeeded ? "ok" : "failed")} in {Elapsed.TotalSeconds:0.000} s, {Outputs.Count} output(s)";
}
