using System.CommandLine;
using Descent.Cli.Commands;
using Spectre.Console;

namespace Descent.Cli;

/// <summary>Runs the <c>descent</c> command line in-process, writing to the given writers (used by the tests).</summary>
public static class Cli
{
    /// <summary>Parses and invokes; returns the exit code (0 success, 1 failure, 2 usage error).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        var context = new CliContext(console, output, error);
        var root = CommandRegistry.Build(context);
        var parse = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        try
        {
            return await parse.InvokeAsync(configuration, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("interrupted");
            return 130;
        }
    }
}
