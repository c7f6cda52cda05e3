using Microsoft.DotNet.Interactive;

namespace Descent.Notebooks;

/// <summary>
/// The cancellation token of the cell that is running: cancelled when the reader interrupts the cell (the
/// kernel's interrupt, the runner's timeout). Pass it to long loops, e.g. <c>Train(..., CellCancellation.Token)</c>.
/// </summary>
public static class CellCancellation
{
    /// <summary>The running cell's token, or <see cref="CancellationToken.None"/> outside a cell.</summary>
    public static CancellationToken Token => KernelInvocationContext.Current?.CancellationToken ?? CancellationToken.None;
}
