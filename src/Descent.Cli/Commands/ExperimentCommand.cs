using System.CommandLine;

namespace Descent.Cli.Commands;

/// <summary><c>descent experiment list | run NAME</c>.</summary>
internal static class ExperimentCommand
{
    public static Command Create(CliContext context)
    {
        var list = new Command("list", "List the experiments the chapters use");
        list.SetAction(_ =>
        {
            context.Output.WriteLine("(no experiments registered yet)");
            return 0;
        });
        return new Command("experiment", "Run the course's experiments outside a notebook") { list };
    }
}
