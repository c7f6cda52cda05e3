namespace Descent.Cli;

/// <summary>
/// The command line's one error path. A command's action runs inside <see cref="Run"/> or <see cref="RunAsync"/>; it
/// stops on a bad argument or a failure by throwing <see cref="Usage"/> or <see cref="Failure"/>, and the exceptions its
/// caller expects (a bad notebook, a missing file, …) are mapped to an exit code by <c>expected</c>. Either way the
/// user sees one line <c>error: message</c> on standard error and the process exits with the code; any other exception
/// is a bug and propagates.
/// </summary>
internal static class CliErrors
{
    /// <summary>Exit code of a command that ran and failed (a notebook failed, a file is missing, a check found work).</summary>
    public const int FailureCode = 1;

    /// <summary>Exit code of a command that was called wrongly (a bad option value, an unknown name).</summary>
    public const int UsageCode = 2;

    /// <summary>An <see cref="ArgumentException"/> is a usage error (exit code 2).</summary>
    public static readonly Func<Exception, int?> ArgumentIsUsage = e => e is ArgumentException ? UsageCode : null;

    /// <summary>The exception that stops a command with a usage error (exit code 2).</summary>
    public static CliException Usage(string message) => new(message, UsageCode);

    /// <summary>The exception that stops a command with a failure (exit code 1).</summary>
    public static CliException Failure(string message) => new(message, FailureCode);

    /// <summary>Runs a command's action; a <see cref="CliException"/> or an exception <paramref name="expected"/> maps to
    /// a code is written as <c>error: message</c> and returns that code.</summary>
    public static int Run(CliContext context, Func<int> action, Func<Exception, int?>? expected = null)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (CodeFor(e, expected) is { } code)
        {
            context.Fail(e.Message);
            return code;
        }
    }

    /// <summary>The asynchronous <see cref="Run"/>.</summary>
    public static async Task<int> RunAsync(CliContext context, Func<Task<int>> action, Func<Exception, int?>? expected = null)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (CodeFor(e, expected) is { } code)
        {
            context.Fail(e.Message);
            return code;
        }
    }

    private static int? CodeFor(Exception e, Func<Exception, int?>? expected) =>
        e is CliException cli ? cli.ExitCode : expected?.Invoke(e);
}

/// <summary>Stops a command: <see cref="CliErrors"/> writes the message as <c>error: message</c> and exits with <see cref="ExitCode"/>.</summary>
internal sealed class CliException(string message, int exitCode) : Exception(message)
{
    /// <summary>The process's exit code.</summary>
    public int ExitCode { get; } = exitCode;
}
