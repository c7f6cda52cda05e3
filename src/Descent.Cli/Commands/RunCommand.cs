using System.CommandLine;
using Descent.Notebooks.Running;
using Spectre.Console;

namespace Descent.Cli.Commands;

/// <summary><c>descent run [NOTEBOOK…] [--timeout S]</c>: execute notebooks top to bottom and store their outputs.</summary>
internal static class RunCommand
{
    /// <summary>The hidden option through which <c>build</c> hands its library hash to a child <c>run</c>.</summary>
    internal const string LibraryHashOption = "--library-hash";

    public static Command Create(CliContext context)
    {
        var notebooks = new Argument<string[]>("notebook")
        {
            Description = "Notebooks to run (default: every notebook in notebooks/ and notebooks/solutions/)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var timeout = new Option<double>("--timeout")
        {
            Description = "Seconds a single cell may run before it is interrupted",
            DefaultValueFactory = _ => 300,
        };
        // Set by `descent build --jobs N` on the child processes it starts: stamp the content hash a clean run stores.
        var libraryHash = new Option<string?>(LibraryHashOption) { Description = "Library source hash to stamp into each notebook that runs cleanly", Hidden = true };
        var command = new Command("run", "Execute notebooks top to bottom in a fresh session and store outputs; the file is left intact on failure")
        {
            notebooks,
            timeout,
            libraryHash,
        };
        command.SetAction((parse, cancellationToken) => CliErrors.RunAsync(context, async () =>
        {
            var seconds = parse.GetValue(timeout);
            if (!(seconds > 0) || double.IsInfinity(seconds))
            {
                throw CliErrors.Usage($"--timeout must be a positive number of seconds (got {seconds})");
            }

            var paths = parse.GetValue(notebooks) ?? [];
            if (paths.Length == 0)
            {
                var root = RepositoryLayout.FindRoot();
                if (root is null)
                {
                    throw CliErrors.Usage("no notebooks given and no Descent repository (Descent.slnx) above the current directory");
                }

                paths = [.. RepositoryLayout.Notebooks(root)];
            }

            var stamp = parse.GetValue(libraryHash);
            var failures = 0;
            foreach (var path in paths)
            {
                var result = await RunOne(context, path, TimeSpan.FromSeconds(seconds), cancellationToken,
                    beforeSave: stamp is null ? null : nb => SourceHash.Stamp(nb, SourceHash.OfNotebook(nb, stamp)));
                failures += result.Succeeded ? 0 : 1;
            }

            return failures == 0 ? 0 : CliErrors.FailureCode;
        }));
        return command;
    }

    /// <summary>Runs one notebook, printing a line per cell with its time, and the failure if any.</summary>
    internal static async Task<NotebookRunResult> RunOne(CliContext context, string path, TimeSpan cellTimeout, CancellationToken cancellationToken, bool quiet = false, Action<Descent.Notebooks.Ipynb.Notebook>? beforeSave = null)
    {
        var display = RepositoryLayout.Display(Path.GetFullPath(path));
        if (!quiet)
        {
            context.Console.MarkupLine($"[bold]{Markup.Escape(display)}[/]");
        }

        var options = new NotebookRunOptions(
            CellTimeout: cellTimeout,
            BeforeSave: beforeSave,
            OnCellFinished: quiet ? null : report => context.Console.MarkupLine(
                $"  cell {report.CellNumber,3} [[{report.ExecutionCount}]] {report.Execution.Elapsed.TotalSeconds,7:0.000} s  "
                + (report.Execution.Succeeded ? "[green]ok[/]" : report.Execution.Cancelled ? "[yellow]interrupted[/]" : "[red]failed[/]")));
        var result = await NotebookRunner.RunAsync(path, options, cancellationToken);
        if (result.Failure is { } failure)
        {
            context.Fail((failure with { Notebook = display }).ToString());
            if (failure.CellNumber is not null)
            {
                context.Error.WriteLine($"       {display} was left unchanged.");
            }
        }
        else if (!quiet)
        {
            var slowest = result.Cells.Count == 0 ? 0 : result.Cells.Max(c => c.Execution.Elapsed.TotalSeconds);
            context.Console.MarkupLine(
                $"  [green]{result.Cells.Count} cells[/] in {result.Elapsed.TotalSeconds:0.0} s (session start {result.SessionStart.TotalSeconds:0.0} s, slowest cell {slowest:0.00} s), outputs saved");
        }

        return result;
    }
}
