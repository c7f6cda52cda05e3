namespace Descent.Cli;

/// <summary>Entry point of the <c>descent</c> command.</summary>
public static class Program
{
    /// <summary>Parses <paramref name="args"/> and runs the command; returns the exit code.</summary>
    public static Task<int> Main(string[] args) => Cli.RunAsync(args, Console.Out, Console.Error);
}
