using Descent.Notebooks.Interrupt;
using Microsoft.DotNet.Interactive;

namespace Descent.Notebooks;

/// <summary>
/// The cancellation token of the cell that is running: cancelled when the reader interrupts the cell (the
/// kernel's interrupt, the runner's timeout). Pass it to long loops, e.g. <c>Train(..., CellCancellation.Token)</c>.
/// Loops and recursion written in a cell need nothing: the session adds a check of this token at every loop
/// back-edge and at the entry of every method, local function and lambda of the cell.
/// </summary>
public static class CellCancellation
{
    private static readonly AsyncLocal<CancellationToken?> Cell = new();

    /// <summary>The running cell's token, or <see cref="CancellationToken.None"/> outside a cell. Work a cell started
    /// in the background (<c>Task.Run</c>, threads) sees the token of the cell that started it.</summary>
    public static CancellationToken Token
    {
        get
        {
            if (Cell.Value is { } token)
            {
                return token;
            }

            try
            {
                return KernelInvocationContext.Current?.CancellationToken ?? CancellationToken.None;
            }
            catch (ObjectDisposedException)
            {
                // The engine's context of a finished cell: nothing to cancel any more.
                return CancellationToken.None;
            }
        }
    }

    /// <summary>Makes <paramref name="token"/> the cell's token for the current async flow (the engine runs the
    /// submission under the execution context captured when it is sent) until the result is disposed.</summary>
    internal static IDisposable Enter(CancellationToken token)
    {
        var previous = Cell.Value;
        Cell.Value = token;
        var registration = token.Register(CellInterrupt.Signal);
        return new Scope(previous, registration);
    }

    private sealed class Scope(CancellationToken? previous, CancellationTokenRegistration registration) : IDisposable
    {
        public void Dispose()
        {
            registration.Dispose();
            Cell.Value = previous;
        }
    }
}
