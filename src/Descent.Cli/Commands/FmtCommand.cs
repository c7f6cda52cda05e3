using System.CommandLine;
using Descent.Notebooks.Ipynb;

namespace Descent.Cli.Commands;

/// <summary>
/// <c>descent fmt [NOTEBOOK…] [--check]</c>: normalizes the chapters as <see cref="ChapterFormat"/> describes (cell ids,
/// slide metadata, kernelspec, <c>#load</c> path, the closing <em>Extend this</em> section) and derives each solutions
/// notebook from its chapter. With <c>--check</c> nothing is written: every file and cell that is not normalized, and
/// every solutions cell that drifted from its chapter, is named, and the exit code is 1.
/// </summary>
internal static class FmtCommand
{
    public static Command Create(CliContext context)
    {
        var notebooks = new Argument<string[]>("notebook")
        {
            Description = "Notebooks to format (default: every chapter in notebooks/ and every solutions notebook in notebooks/solutions/)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var check = new Option<bool>("--check") { Description = "Write nothing; list what is not normalized and exit 1 if anything is" };
        var command = new Command("fmt", "Normalize the chapters (ids, slides, kernelspec, Extend this) and derive their solutions notebooks")
        {
            notebooks,
            check,
        };
        // A notebook that does not parse or a file that cannot be read or written is a failure (1).
        command.SetAction(parse => CliErrors.Run(context, () =>
        {
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

            return Run(context, paths, parse.GetValue(check));
        }, e => e is NotebookFormatException or FileNotFoundException or IOException or UnauthorizedAccessException ? CliErrors.FailureCode : null));
        return command;
    }

    private static int Run(CliContext context, string[] paths, bool checkOnly)
    {
        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                throw CliErrors.Failure($"{path}: no such notebook file");
            }
        }

        // Chapters first, so a solutions notebook is derived from its chapter as formatted.
        var ordered = paths.Select(Path.GetFullPath).Distinct()
            .OrderBy(p => ChapterFormat.RoleOf(p) == NotebookRole.Solutions ? 1 : 0).ThenBy(p => p, StringComparer.Ordinal).ToList();
        var formatted = new Dictionary<string, Notebook>(StringComparer.Ordinal);
        var unnormalized = 0;
        foreach (var path in ordered)
        {
            var display = RepositoryLayout.Display(path);
            var text = File.ReadAllText(path);
            var notebook = Notebook.Parse(text);
            Notebook result;
            IReadOnlyList<string> changes;
            if (ChapterFormat.RoleOf(path) == NotebookRole.Solutions)
            {
                var chapterPath = ChapterFormat.ChapterOf(path);
                if (!formatted.TryGetValue(chapterPath, out var chapter))
                {
                    if (!File.Exists(chapterPath))
                    {
                        throw CliErrors.Failure($"{display}: its chapter {RepositoryLayout.Display(chapterPath)} does not exist");
                    }

                    chapter = ChapterFormat.Format(Notebook.Load(chapterPath), chapterPath).Notebook;
                }

                (result, changes) = ChapterFormat.DeriveSolutions(chapter, notebook, path);
            }
            else
            {
                (result, changes) = ChapterFormat.Format(notebook, path);
                formatted[path] = result;
            }

            var json = result.ToJson();
            if (json == text)
            {
                continue;
            }

            unnormalized++;
            var reasons = changes.Count > 0 ? changes : ["the JSON is not in the canonical form (one-space indent, sources as lists of lines)"];
            foreach (var reason in reasons)
            {
                (checkOnly ? context.Error : context.Output).WriteLine($"{display}: {reason}");
            }

            if (!checkOnly)
            {
                AtomicFile.WriteAllText(path, json);
                context.Output.WriteLine($"formatted {display}");
            }
        }

        // A chapter with exercises and no solutions notebook yet gets one: its cells, answers still to be written.
        foreach (var (chapterPath, chapter) in formatted.Where(p => ChapterFormat.RoleOf(p.Key) == NotebookRole.Chapter))
        {
            var solutionsPath = ChapterFormat.SolutionsOf(chapterPath);
            if (File.Exists(solutionsPath) || !chapter.CodeCells.Any(c => c.Source.TrimStart().StartsWith("Check.Exercise(", StringComparison.Ordinal)))
            {
                continue;
            }

            unnormalized++;
            var display = RepositoryLayout.Display(solutionsPath);
            if (checkOnly)
            {
                context.Error.WriteLine($"{display}: missing (the solutions notebook of {RepositoryLayout.Display(chapterPath)}); run fmt to create it");
                continue;
            }

            var empty = new Notebook { Metadata = (System.Text.Json.Nodes.JsonObject)chapter.Metadata.DeepClone() };
            var (created, changes) = ChapterFormat.DeriveSolutions(chapter, empty, solutionsPath);
            Directory.CreateDirectory(Path.GetDirectoryName(solutionsPath)!);
            AtomicFile.WriteAllText(solutionsPath, created.ToJson());
            context.Output.WriteLine($"created {display}: answer each exercise in cells tagged '{ChapterFormat.SolutionTag}'");
            foreach (var change in changes.Where(c => c.StartsWith("exercise ", StringComparison.Ordinal)))
            {
                context.Output.WriteLine($"{display}: {change}");
            }
        }

        if (checkOnly && unnormalized > 0)
        {
            context.Error.WriteLine($"{unnormalized} of {ordered.Count} notebooks are not normalized: run `dotnet run --project src/Descent.Cli -- fmt`");
            return CliErrors.FailureCode;
        }

        context.Output.WriteLine(checkOnly ? $"{ordered.Count} notebooks normalized" : $"{unnormalized} of {ordered.Count} notebooks changed");
        return 0;
    }
}
