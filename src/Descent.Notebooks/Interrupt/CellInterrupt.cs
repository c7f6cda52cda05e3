using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace Descent.Notebooks.Interrupt;

/// <summary>
/// The checks the notebook session writes into a cell's code (see <see cref="InterruptRewriter"/>): one at every loop
/// back-edge and one at the entry of every method, local function and lambda. Not meant to be called by hand.
/// </summary>
/// <remarks>
/// Until some cell is interrupted a check reads one static field; after that it reads the running cell's own token
/// (<see cref="CellCancellation.Token"/>), so only the interrupted cell's code stops, and background work started by
/// other cells keeps running. The entry check also stops a runaway recursion before it overflows the stack, which
/// .NET cannot catch and which would end the kernel process.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CellInterrupt
{
    /// <summary>The message of the exception a check throws when its cell was interrupted.</summary>
    public const string InterruptedMessage = "The cell was interrupted.";

    /// <summary>The message of the exception an entry check throws when the stack is nearly full.</summary>
    public const string TooDeepMessage =
        "The cell's recursion is too deep: the stack is nearly full (a recursion without a base case?). " +
        "It was stopped here, before a stack overflow would end the kernel.";

    private static int _signalled;

    /// <summary>A loop back-edge: throws <see cref="OperationCanceledException"/> when the running cell was interrupted.</summary>
    public static void Check()
    {
        if (Volatile.Read(ref _signalled) != 0)
        {
            ThrowIfCellCancelled();
        }
    }

    /// <summary>A method, local function or lambda entry: <see cref="Check"/>, and an
    /// <see cref="InsufficientExecutionStackException"/> instead of a fatal stack overflow. Always returns true (so it can
    /// stand in an expression-bodied lambda: <c>Enter() ? (body) : default</c>).</summary>
    public static bool Enter()
    {
        if (Volatile.Read(ref _signalled) != 0)
        {
            ThrowIfCellCancelled();
        }

        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new InsufficientExecutionStackException(TooDeepMessage);
        }

        return true;
    }

    /// <summary>Some cell's token was cancelled: checks start reading their cell's token.</summary>
    internal static void Signal() => Volatile.Write(ref _signalled, 1);

    /// <summary>No interrupted cell's code runs any more (the engine finished a later submission): back to the fast path.</summary>
    internal static void Reset() => Volatile.Write(ref _signalled, 0);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowIfCellCancelled()
    {
        var token = CellCancellation.Token;
        if (token.IsCancellationRequested)
        {
            throw new OperationCanceledException(InterruptedMessage, token);
        }
    }
}
