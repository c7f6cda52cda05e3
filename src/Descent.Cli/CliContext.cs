using Spectre.Console;

namespace Descent.Cli;

/// <summary>Where commands write: a Spectre console for tables and progress, plain writers for messages.</summary>
/// <param name="Console">Rich output (tables, progress) on the output writer.</param>
/// <param name="Output">Plain standard output.</param>
/// <param name="Error">Plain standard error: one clear line per failure.</param>
public sealed record CliContext(IAnsiConsole Console, TextWriter Output, TextWriter Error)
{
    /// <summary>Writes <c>error: message</c> to standard error.</summary>
    public void Fail(string message) => Error.WriteLine($"error: {message}");
}
