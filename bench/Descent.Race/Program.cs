using System.Text.Json;
using Descent.Race;

// The Descent side of the race (bench/race.sh). Usage:
//   dotnet run -c Release --project bench/Descent.Race -- [--rows mlp,rnn,ss] [--rnn-lengths 10,50,100,200] [--no-hessian]
//     [--mathnet-evd] [--threads N] [--out FILE] [--ss-steps K (CPU µs per Safran–Shamir step)] [--ss-split K (descend vs classify)]
var options = new Dictionary<string, string>();
for (int i = 0; i < args.Length; i++)
{
    if (!args[i].StartsWith("--"))
    {
        continue;
    }

    options[args[i][2..]] = i + 1 < args.Length && !args[i + 1].StartsWith("--") ? args[++i] : "true";
}
var want = (options.GetValueOrDefault("rows") ?? "mlp,rnn,ss").Split(',').ToHashSet();
var lengths = (options.GetValueOrDefault("rnn-lengths") ?? "10,50,100,200").Split(',').Select(int.Parse).ToArray();

// --threads 1 (the default), like torch.set_num_threads(1): MathNet's managed provider would otherwise parallelize
// large matrix operations. The platform LAPACK (eigenvalue row) follows OPENBLAS_NUM_THREADS, which race.sh sets.
int threads = int.Parse(options.GetValueOrDefault("threads") ?? "1");
if (threads < 1)
{
    throw new ArgumentOutOfRangeException("--threads", threads, "--threads must be at least 1.");
}

if (threads == 1)
{
    MathNet.Numerics.Control.UseSingleThread();
}
else
{
    MathNet.Numerics.Control.MaxDegreeOfParallelism = threads;
}

var rows = new List<RaceRow>();
void Add(IEnumerable<RaceRow> more)
{
    foreach (var r in more)
    {
        Console.Error.WriteLine($"{r.Row}: {r.Seconds * 1e3:F3} ms");
        rows.Add(r);
    }
}
if (want.Contains("mlp"))
{
    Add(MlpRows.Run(threads, hessian: !options.ContainsKey("no-hessian"), mathNetEvd: options.ContainsKey("mathnet-evd")));
}

if (want.Contains("rnn"))
{
    Add(RnnRows.Run(lengths));
}

if (want.Contains("ss"))
{
    Add(SafranShamirRows.Run());
}

if (options.GetValueOrDefault("ss-split") is { } splitK)
{
    SafranShamirRows.Split(int.Parse(splitK));
}

if (options.GetValueOrDefault("ss-steps") is { } stepsK)
{
    SafranShamirRows.StepCost(int.Parse(stepsK));
}

var result = new
{
    dotnet = Environment.Version.ToString(),
    threads,
    blas = MappedBlas(),
    rows = rows.Select(r => new { row = r.Row, seconds = r.Seconds, check = r.Check, note = r.Note }),
};
string json = JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true });
if (options.GetValueOrDefault("out") is { } path)
{
    File.WriteAllText(path, json);
}

Console.WriteLine(json);

// The BLAS/LAPACK shared objects this process mapped (Linux: /proc/self/maps), classified as torch_race.py does.
static Dictionary<string, string> MappedBlas()
{
    var found = new Dictionary<string, string>();
    if (!File.Exists("/proc/self/maps"))
    {
        return found;
    }

    foreach (var line in File.ReadLines("/proc/self/maps"))
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 6)
        {
            continue;
        }

        string path = parts[5], name = Path.GetFileName(path).ToLowerInvariant();
        if (!(name.Contains("blas") || name.Contains("lapack") || name.Contains("mkl")) || found.ContainsKey(path))
        {
            continue;
        }

        string real = new FileInfo(path).ResolveLinkTarget(true)?.FullName ?? path, lower = real.ToLowerInvariant();
        found[path] = lower.Contains("openblas") ? "OpenBLAS" : lower.Contains("mkl") ? "MKL"
            : lower.Contains("/blas/libblas") || lower.Contains("/lapack/liblapack") ? "reference" : "other";
    }
    return found;
}
