using System.CommandLine;

namespace Descent.Cli.Commands;

/// <summary><c>descent build [--output DIR]</c>: run changed chapters, then write the offline site.</summary>
internal static class BuildCommand
{
    public static Command Create(CliContext context)
    {
        var output = new Option<string>("--output", "-o")
        {
            Description = "Directory of the site (default: site/ in the repository)",
        };
        var command = new Command("build", "Run every chapter whose source changed, then write the offline HTML site") { output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await Task.CompletedTask;
            context.Fail("descent build is not implemented yet");
            return 1;
        });
        return command;
    }
}
