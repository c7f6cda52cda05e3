using System.Text.Json;
using Descent.Race;

// The Descent side of the race (bench/race.sh). Usage:
//   dotnet run -c Release --project bench/Descent.Race -- [--rows mlp,rnn,ss] [--rnn-lengths 10,50,100,200] [--no-hessian] [--mathnet-evd] [--out FILE]
var options = new Dictionary<string, string>();
for (int i = 0; i < args.Length; i++)
{
    if (!args[i].StartsWith("--")) continue;
    options[args[i][2..]] = i + 1 < args.Length && !args[i + 1].StartsWith("--") ? args[++i] : "true";
}
var want = (options.GetValueOrDefault("rows") ?? "mlp,rnn,ss").Split(',').ToHashSet();
var lengths = (options.GetValueOrDefault("rnn-lengths") ?? "10,50,100,200").Split(',').Select(int.Parse).ToArray();

// One thread, like torch.set_num_threads(1): Descent's kernels are single-threaded; MathNet's managed
// provider would otherwise parallelize large matrix operations.
MathNet.Numerics.Control.UseSingleThread();

var rows = new List<RaceRow>();
void Add(IEnumerable<RaceRow> more)
{
    foreach (var r in more)
    {
        Console.Error.WriteLine($"{r.Row}: {r.Seconds * 1e3:F3} ms");
        rows.Add(r);
    }
}
if (want.Contains("mlp")) Add(MlpRows.Run(hessian: !options.ContainsKey("no-hessian"), mathNetEvd: options.ContainsKey("mathnet-evd")));
if (want.Contains("rnn")) Add(RnnRows.Run(lengths));
if (want.Contains("ss")) Add(SafranShamirRows.Run());

var result = new
{
    dotnet = Environment.Version.ToString(),
    threads = 1,
    rows = rows.Select(r => new { row = r.Row, seconds = r.Seconds, check = r.Check, note = r.Note }),
};
string json = JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true });
if (options.GetValueOrDefault("out") is { } path) File.WriteAllText(path, json);
Console.WriteLine(json);
