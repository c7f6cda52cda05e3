using System.CommandLine;

namespace Descent.Cli.Commands;

/// <summary>
/// Every <c>descent</c> subcommand, registered in one place: adding a command is one line here plus a file in
/// <c>Commands/</c> with a static <c>Create(CliContext)</c>.
/// </summary>
internal static class CommandRegistry
{
    public static RootCommand Build(CliContext context) => new("descent: run the course's notebooks, normalize them (fmt), build its offline site, run experiments")
    {
        RunCommand.Create(context),
        BuildCommand.Create(context),
        ExperimentCommand.Create(context),
        KernelCommand.Create(context),
        FmtCommand.Create(context),
    };
}
