namespace Descent.Notebooks.Kernel;

/// <summary>How the kernel behaves around interrupts and where it logs.</summary>
/// <param name="InterruptGrace">How long a cell may keep running after an interrupt before the kernel gives up on it
/// (reports it as ignoring cancellation and answers further requests). Descent's loops stop well within 1 s.</param>
/// <param name="Log">Where dropped messages and failures are reported (the process's stderr when null).</param>
public sealed record KernelOptions(TimeSpan? InterruptGrace = null, TextWriter? Log = null)
{
    /// <summary>The grace period in force: <see cref="InterruptGrace"/> or 3 s.</summary>
    public TimeSpan EffectiveInterruptGrace => InterruptGrace ?? TimeSpan.FromSeconds(3);
}
