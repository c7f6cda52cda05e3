using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Descent.Experiments;
using Spectre.Console;

namespace Descent.Cli.Commands;

/// <summary><c>descent experiment list | run NAME [--param value …] [--seed N] [--out FILE]</c>.</summary>
internal static class ExperimentCommand
{
    public static Command Create(CliContext context)
    {
        var list = new Command("list", "List the experiments the chapters use, with their parameters and defaults");
        list.SetAction(_ =>
        {
            var table = new Table().AddColumns("chapter", "name", "what", "parameters (defaults)");
            foreach (var e in ExperimentRegistry.All)
            {
                var ps = string.Join(", ", ExperimentRegistry.Describe(e).Select(p => $"--{p.Name} {FormatDefault(p.Default)}"));
                table.AddRow(e.Chapter, e.Name, Markup.Escape(e.Summary), Markup.Escape(ps));
            }
            context.Console.Write(table);
            return 0;
        });

        var name = new Argument<string>("name") { Description = "Experiment name (see 'descent experiment list')" };
        var parameters = new Argument<string[]>("parameters")
        {
            Description = "Parameter overrides as '--name value' pairs (e.g. --kappas 2,10,100)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var seed = new Option<int?>("--seed") { Description = "Seed (sets the experiment's Seed parameter)" };
        var output = new Option<string?>("--out") { Description = "Write the result table to FILE (.csv or .json); written atomically" };
        var run = new Command("run", "Run one experiment with progress and print (or write) its result table")
        {
            name, parameters, seed, output,
        };
        run.TreatUnmatchedTokensAsErrors = false;
        run.SetAction((parse, cancellationToken) =>
        {
            IExperiment experiment;
            object args;
            try
            {
                experiment = ExperimentRegistry.Find(parse.GetValue(name)!);
                var pairs = ParsePairs([.. parse.GetValue(parameters) ?? [], .. parse.UnmatchedTokens]);
                if (parse.GetValue(seed) is int s) pairs["seed"] = s.ToString(CultureInfo.InvariantCulture);
                args = ExperimentRegistry.WithArguments(experiment, pairs);
            }
            catch (ArgumentException ex)
            {
                context.Fail(ex.Message);
                return Task.FromResult(2);
            }

            IExperimentResult? result = null;
            try
            {
                context.Console.Progress().Start(ctx =>
                {
                    var task = ctx.AddTask(experiment.Name, maxValue: 1.0);
                    result = experiment.Run(args, new Progress<double>(p => task.Value = p), cancellationToken);
                    task.Value = 1.0;
                });
            }
            catch (OperationCanceledException)
            {
                context.Fail($"{experiment.Name} was cancelled");
                return Task.FromResult(130);
            }
            catch (ArgumentException ex)
            {
                context.Fail(ex.Message);
                return Task.FromResult(2);
            }

            var table = result!.ToTable();
            context.Output.WriteLine(result.Summary);
            if (parse.GetValue(output) is { } file)
            {
                string text = file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? ToJson(experiment, args, result, table) : table.ToCsv();
                WriteAtomically(file, text);
                context.Output.WriteLine($"wrote {file}");
            }
            else
            {
                context.Output.WriteLine(table.ToString());
            }
            return Task.FromResult(0);
        });

        return new Command("experiment", "Run the course's experiments outside a notebook") { list, run };
    }

    private static Dictionary<string, string> ParsePairs(IReadOnlyList<string> tokens)
    {
        var pairs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < tokens.Count; i++)
        {
            string t = tokens[i];
            if (!t.StartsWith("--", StringComparison.Ordinal))
                throw new ArgumentException($"expected a parameter name like --kappas, got '{t}'.", "parameters");
            int eq = t.IndexOf('=');
            if (eq > 0) { pairs[t[2..eq]] = t[(eq + 1)..]; continue; }
            if (i + 1 >= tokens.Count) throw new ArgumentException($"{t} needs a value.", "parameters");
            pairs[t[2..]] = tokens[++i];
        }
        return pairs;
    }

    private static string FormatDefault(object? value) => value switch
    {
        double[] a => string.Join(",", a.Select(x => x.ToString(CultureInfo.InvariantCulture))),
        int[] a => string.Join(",", a),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        null => "",
        _ => value.ToString() ?? "",
    };

    private static string ToJson(IExperiment experiment, object args, IExperimentResult result, ResultTable table)
    {
        var rows = table.Rows.Select(r => table.Columns.Zip(r).ToDictionary(p => p.First, p => p.Second)).ToArray();
        return JsonSerializer.Serialize(new
        {
            experiment = experiment.Name,
            chapter = experiment.Chapter,
            parameters = ExperimentRegistry.Describe(experiment).ToDictionary(p => p.Name,
                p => args.GetType().GetProperties().First(q => ExperimentRegistryKebab(q.Name) == p.Name).GetValue(args)),
            summary = result.Summary,
            rows,
        }, new JsonSerializerOptions { WriteIndented = true });
    }

    private static string ExperimentRegistryKebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static void WriteAtomically(string path, string text)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        var tmp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        File.WriteAllText(tmp, text);
        File.Move(tmp, full, overwrite: true);
    }
}
