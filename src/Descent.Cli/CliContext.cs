// TEMPORARY (kernel branch): stands in for the notebooks engineer's CliContext until main has it.
namespace Descent.Cli;

/// <summary>Where commands write.</summary>
public sealed record CliContext(object? Console, TextWriter Output, TextWriter Error)
{
    /// <summary>Writes <c>error: message</c> to standard error.</summary>
    public void Fail(string message) => Error.WriteLine($"error: {message}");
}
