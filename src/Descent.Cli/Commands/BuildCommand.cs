using System.CommandLine;
using System.Diagnostics;
using Descent.Notebooks.Export;
using Descent.Notebooks.Ipynb;
using Descent.Notebooks.Running;
using Spectre.Console;

namespace Descent.Cli.Commands;

/// <summary>
/// <c>descent build [--output DIR] [--force]</c>: runs every notebook whose code cells or library sources changed
/// since its last clean run (content hash in the notebook's metadata), then writes the offline site.
/// </summary>
internal static class BuildCommand
{
    /// <summary>The library folders whose sources decide whether a chapter's stored outputs are still current.</summary>
    internal static readonly string[] LibraryFolders = ["src/Descent", "src/Descent.Plots", "src/Descent.Notebooks", "Directory.Build.props", "Directory.Packages.props"];

    public static Command Create(CliContext context)
    {
        var output = new Option<string?>("--output", "-o") { Description = "Directory of the site (default: site/ in the repository)" };
        var force = new Option<bool>("--force") { Description = "Run every notebook even if its content hash is unchanged" };
        var timeout = new Option<double>("--timeout") { Description = "Seconds a single cell may run", DefaultValueFactory = _ => 300 };
        var slides = new Option<bool>("--slides") { Description = "Also write a reveal.js slide deck per chapter into slides/ (lecturer mode)" };
        var jobs = new Option<int>("--jobs", "-j")
        {
            Description = "Notebooks run at the same time, each in its own process (default: the number of cores; 1 runs them in this process)",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var command = new Command("build", "Run every chapter whose source changed, then write the offline HTML site") { output, force, timeout, slides, jobs };
        // A course map that does not parse is a failure (1); a notebook that does not parse counts as a failed notebook.
        command.SetAction((parse, cancellationToken) => CliErrors.RunAsync(context, async () =>
        {
            var jobCount = parse.GetValue(jobs);
            if (jobCount < 1)
            {
                throw CliErrors.Usage($"--jobs must be at least 1 (got {jobCount}); this machine has {Environment.ProcessorCount} cores");
            }

            var root = RepositoryLayout.FindRoot();
            if (root is null)
            {
                throw CliErrors.Usage("no Descent repository (Descent.slnx) above the current directory");
            }

            var site = Path.GetFullPath(parse.GetValue(output) ?? Path.Combine(root, "site"));
            return await Build(context, root, site, parse.GetValue(force), TimeSpan.FromSeconds(parse.GetValue(timeout)), parse.GetValue(slides), cancellationToken, jobCount);
        }, e => e is InvalidDataException ? CliErrors.FailureCode : null));
        return command;
    }

    internal static async Task<int> Build(CliContext context, string root, string site, bool force, TimeSpan cellTimeout, bool slides, CancellationToken cancellationToken, int jobs = 1)
    {
        var total = Stopwatch.StartNew();
        var libraryHash = SourceHash.OfSources(root, LibraryFolders);
        var notebooks = RepositoryLayout.Notebooks(root);
        var ran = 0;
        var failures = 0;
        var timings = new List<(string Notebook, int CellNumber, double Seconds)>();
        var chapterTimes = new List<(string Notebook, double Seconds)>();
        var pending = new List<(string Path, string Hash, double Estimate)>();
        var storedTimes = jobs > 1 ? ParallelRun.LoadTimes(root) : [];
        foreach (var path in notebooks)
        {
            Notebook notebook;
            try
            {
                notebook = Notebook.Load(path);
            }
            catch (NotebookFormatException e)
            {
                context.Fail(e.Message);
                failures++;
                continue;
            }

            var hash = SourceHash.OfNotebook(notebook, libraryHash);
            if (!force && SourceHash.Stored(notebook) == hash)
            {
                context.Console.MarkupLine($"[grey]{Markup.Escape(RepositoryLayout.Display(path))}: up to date[/]");
                continue;
            }

            ran++;
            if (jobs > 1)
            {
                // For splitting the work evenly: the last build's time of this notebook, or failing that its amount of
                // code (a thousand characters ≈ a second; only the relative sizes matter).
                var estimate = storedTimes.TryGetValue(RepositoryLayout.Display(path), out var seconds)
                    ? seconds
                    : notebook.CodeCells.Sum(c => c.Source.Length) / 1000.0;
                pending.Add((path, hash, estimate));
                continue;
            }

            var result = await RunCommand.RunOne(context, path, cellTimeout, cancellationToken, beforeSave: nb => SourceHash.Stamp(nb, hash));
            failures += result.Succeeded ? 0 : 1;
            timings.AddRange(result.Cells.Select(c => (RepositoryLayout.Display(path), c.CellNumber, c.Execution.Elapsed.TotalSeconds)));
            chapterTimes.Add((RepositoryLayout.Display(path), result.Elapsed.TotalSeconds));
        }

        if (pending.Count > 0)
        {
            var children = await ParallelRun.RunAsync([.. pending.Select(p => (p.Path, p.Estimate))], jobs, root, libraryHash, cellTimeout, child =>
            {
                // A notebook's block (its cell lines and summary) is printed whole when it ends, never interleaved;
                // a child's failure messages when the child ends.
                context.Output.Write(child.Output);
                context.Error.Write(child.Error);
                context.Output.Flush();
            }, cancellationToken);

            // In the notebooks' own order (RunAsync keeps the order given), so the summary below does not depend on which child ended first.
            foreach (var child in children)
            {
                failures += child.Succeeded ? 0 : 1;
                timings.AddRange(child.Cells.Select(c => (RepositoryLayout.Display(child.Path), c.CellNumber, c.Seconds)));
                chapterTimes.Add((RepositoryLayout.Display(child.Path), child.Elapsed.TotalSeconds));
            }
        }

        if (chapterTimes.Count > 0)
        {
            ParallelRun.SaveTimes(root, chapterTimes);
        }

        if (timings.Count > 0)
        {
            // The course's time budget (every cell ≤ 3 s, every chapter ≤ 30 s on 2 cores): show where the time goes.
            context.Console.MarkupLine("[bold]slowest cells[/]");
            foreach (var (notebook, cellNumber, seconds) in timings.OrderByDescending(t => t.Seconds).Take(10))
            {
                context.Console.MarkupLine($"  {seconds,6:0.00} s  {Markup.Escape(notebook)} cell {cellNumber}{(seconds > 3 ? "  [red]over the 3 s budget[/]" : "")}");
            }

            foreach (var (notebook, seconds) in chapterTimes.Where(c => c.Seconds > 30))
            {
                context.Console.MarkupLine($"  [red]{Markup.Escape(notebook)} took {seconds:0.0} s, over the 30 s chapter budget[/]");
            }
        }

        if (failures > 0)
        {
            throw CliErrors.Failure($"{failures} notebook(s) failed; the site was not written");
        }

        var katex = NpmAsset.Katex.EnsureDist(root, context);
        var reveal = slides ? NpmAsset.Reveal.EnsureDist(root, context) : null;
        var docs = Path.Combine(root, "docs");
        CourseMap? course = null;
        if (File.Exists(Path.Combine(docs, "course.json")))
        {
            course = CourseMap.Load(Path.Combine(docs, "course.json"));
        }

        var pages = SiteBuilder.Discover(Path.Combine(root, "notebooks"));
        var written = SiteBuilder.Write(pages, site, new SiteOptions(KatexDist: katex, Course: course, DocsDir: docs, RevealDist: reveal));
        context.Console.MarkupLine(
            $"[green]site[/] {Markup.Escape(RepositoryLayout.Display(site))}: {pages.Count} pages, {written.Count} files; ran {ran} of {notebooks.Count} notebooks in {total.Elapsed.TotalSeconds:0.0} s{(pending.Count > 0 ? $" ({Math.Min(jobs, pending.Count)} at a time)" : "")}{(katex is null ? " (math shown as TeX: KaTeX not available)" : "")}{(reveal is not null ? "; slides in slides/" : "")}");
        context.Console.MarkupLine($"open {Markup.Escape(Path.Combine(site, "index.html"))}");
        return 0;
    }
}
