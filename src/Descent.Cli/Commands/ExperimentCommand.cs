using System.CommandLine;
using System.Text.Json;
using Descent.Experiments;
using Spectre.Console;

namespace Descent.Cli.Commands;

/// <summary><c>descent experiment list | run NAME [--param value …] [--seed N] [--out FILE] [--quiet]</c>: the chapters'
/// experiments (every <see cref="IExperiment"/> in the library) outside a notebook, with CSV or JSON output.</summary>
internal static class ExperimentCommand
{
    public static Command Create(CliContext context)
    {
        var list = new Command("list", "List the experiments the chapters use, with their parameters and defaults");
        list.SetAction(_ =>
        {
            var table = new Table().AddColumns("name", "chapter", "what it computes", "parameters (defaults)");
            foreach (var e in ExperimentRegistry.All)
            {
                var parameters = string.Join("\n", ExperimentRegistry.Describe(e).Select(p => $"--{p.Name} {Format(p.Default)}"));
                table.AddRow(Markup.Escape(e.Name), e.Chapter, Markup.Escape(e.Summary), Markup.Escape(parameters));
            }

            context.Console.Write(table);
            return 0;
        });

        var name = new Argument<string>("name") { Description = "Experiment name (see `descent experiment list`)" };
        var seed = new Option<int?>("--seed") { Description = "Seed (for experiments that take one)" };
        var output = new Option<string?>("--out") { Description = "Write the result table to FILE (.csv or .json)" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress (on a terminal a live bar; redirected, a line every 10 % or 10 s)" };
        var run = new Command("run", "Run an experiment: --param value sets a parameter (kebab-case names from `list`)") { name, seed, output, quiet };
        run.TreatUnmatchedTokensAsErrors = false;
        // An unknown name, a bad --parameter value or an experiment rejecting its parameters is a usage error (2).
        run.SetAction((parse, cancellationToken) => CliErrors.RunAsync(context, async () =>
        {
            var experiment = ExperimentRegistry.Find(parse.GetValue(name)!);

            var arguments = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var extra = parse.UnmatchedTokens;
            for (var i = 0; i < extra.Count; i++)
            {
                if (!extra[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= extra.Count)
                {
                    throw CliErrors.Usage($"expected --parameter value pairs, got '{extra[i]}'");
                }

                arguments[extra[i][2..]] = extra[++i];
            }

            if (parse.GetValue(seed) is { } s)
            {
                arguments["seed"] = s.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            var parameters = ExperimentRegistry.WithArguments(experiment, arguments);

            var out_ = parse.GetValue(output);
            if (out_ is not null && !out_.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !out_.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                throw CliErrors.Usage($"--out must name a .csv or .json file (got '{out_}')");
            }

            var started = System.Diagnostics.Stopwatch.StartNew();
            var result = await RunWithProgress(context, experiment, parameters, ModeFor(context, parse.GetValue(quiet)), cancellationToken);

            context.Output.WriteLine($"{experiment.Name} in {started.Elapsed.TotalSeconds:0.00} s: {result.Summary}");
            var table = result.ToTable();
            if (out_ is null)
            {
                context.Output.WriteLine(table.ToString());
            }
            else
            {
                // A CSV in data/ says how to make it again: its first line is the command, as a # comment.
                var command = string.Join(' ', new[] { "# dotnet run --project src/Descent.Cli -- experiment run", experiment.Name }
                    .Concat(extra).Concat(parse.GetValue(seed) is { } sd ? ["--seed", sd.ToString(System.Globalization.CultureInfo.InvariantCulture)] : [])
                    .Concat(["--out", out_.Replace('\\', '/')]));
                var text = out_.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? command + "\n" + table.ToCsv() : ToJson(table);
                Descent.Notebooks.Ipynb.AtomicFile.WriteAllText(out_, text);
                context.Output.WriteLine($"wrote {table.Rows.Count} rows to {out_}");
            }

            return 0;
        }, CliErrors.ArgumentIsUsage));

        return new Command("experiment", "Run the course's experiments outside a notebook") { list, run };
    }

    /// <summary>Quiet: none; the process's own console, neither stream redirected: a live bar; otherwise (a file, a
    /// pipe, a CI log, or writers given by a caller such as the tests): lines.</summary>
    internal static ProgressMode ModeFor(CliContext context, bool quiet) =>
        quiet ? ProgressMode.None
        : ReferenceEquals(context.Error, Console.Error) && !Console.IsErrorRedirected && !Console.IsOutputRedirected ? ProgressMode.Live
        : ProgressMode.Lines;

    private static async Task<IExperimentResult> RunWithProgress(CliContext context, IExperiment experiment, object parameters, ProgressMode mode, CancellationToken cancellationToken)
    {
        switch (mode)
        {
            case ProgressMode.None:
                return await Task.Run(() => experiment.Run(parameters, null, cancellationToken), cancellationToken);
            case ProgressMode.Lines:
                var lines = new LineProgress(experiment.Name, context.Error);
                var value = await Task.Run(() => experiment.Run(parameters, lines, cancellationToken), cancellationToken);
                lines.Complete();
                return value;
            default:
                // The bar is drawn on standard error, so standard output keeps only the result.
                var console = AnsiConsole.Create(new AnsiConsoleSettings
                {
                    Out = new AnsiConsoleOutput(Console.Error),
                    Ansi = AnsiSupport.Detect,
                    ColorSystem = ColorSystemSupport.Detect,
                    Interactive = InteractionSupport.Yes,
                });
                IExperimentResult? result = null;
                await console.Progress()
                    .AutoClear(true)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
                    .StartAsync(async progress =>
                    {
                        var task = progress.AddTask(Markup.Escape(experiment.Name), maxValue: 1);
                        var reporter = new SynchronousProgress(p => task.Value = double.IsFinite(p) ? Math.Clamp(p, 0, 1) : task.Value);
                        result = await Task.Run(() => experiment.Run(parameters, reporter, cancellationToken), cancellationToken);
                        task.Value = 1;
                    });
                return result!;
        }
    }

    /// <summary>An <see cref="IProgress{T}"/> that calls back on the reporting thread (the bar's task is thread-safe).</summary>
    private sealed class SynchronousProgress(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }

    private static string ToJson(ResultTable table) => JsonSerializer.Serialize(
        table.Rows.Select(r => table.Columns.Select((c, i) => (c, v: r[i] is double d && !double.IsFinite(d) ? null : r[i])).ToDictionary(p => p.c, p => p.v)),
        new JsonSerializerOptions { WriteIndented = true });

    private static string Format(object? value) => value switch
    {
        null => "(none)",
        Array a => string.Join(",", a.Cast<object>().Select(Format)),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
