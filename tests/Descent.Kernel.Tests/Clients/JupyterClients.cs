using System.Text.Json;
using System.Text.Json.Nodes;

namespace Descent.Kernel.Tests.Clients;

/// <summary>
/// The real-client scenarios, each run once (one kernel process each) and shared by the tests that assert on it.
/// The cells are chosen here so the tests read with their inputs.
/// </summary>
public sealed class JupyterClients : IDisposable
{
    /// <summary>"var s = \"😀\"; s.Len": 18 code points, 19 UTF-16 units; "Len" starts at code point 15.</summary>
    public const string UnicodeCompletionCode = "var s = \"\U0001F600\"; s.Len";

    public static readonly JsonObject ProtocolCells = new()
    {
        ["execute"] = new JsonObject
        {
            ["arithmetic"] = "1 + 1",
            ["stdout"] = "Console.WriteLine(\"hello from descent\");",
            ["display"] = "var handle = display(\"first\");\nhandle.Update(\"second\");",
            // A Plotly.NET chart built without Descent.Plots: one scatter trace with y = 1, 4, 9.
            ["chart"] = "var trace = new Plotly.NET.Trace(\"scatter\");\ntrace.SetProperty(\"y\", new[] { 1.0, 4.0, 9.0 });\n" +
                        "Plotly.NET.GenericChart.ofTraceObject(true, trace)",
            ["runtime_error"] = "var x = 1;\nthrow new InvalidOperationException(\"boom\");",
            ["compile_error"] = "var ok = 1;\nint y = \"text\";",
        },
        ["silent"] = "var silentValue = 41;",
        ["no_history"] = "40 + 2",
        ["user_expressions_cell"] = "var ue = 6;",
        ["user_expressions"] = new JsonObject { ["product"] = "ue * 7", ["broken"] = "ue +" },
        ["complete"] = new JsonObject
        {
            ["console"] = new JsonObject { ["code"] = "Console.Wri", ["cursor_pos"] = 11 },
            ["unicode"] = new JsonObject { ["code"] = UnicodeCompletionCode, ["cursor_pos"] = 18 },
        },
        ["inspect"] = new JsonObject
        {
            ["writeline"] = new JsonObject { ["code"] = "Console.WriteLine(\"x\");", ["cursor_pos"] = 10, ["detail_level"] = 0 },
            ["blank"] = new JsonObject { ["code"] = "   ", ["cursor_pos"] = 1, ["detail_level"] = 0 },
        },
        ["is_complete"] = new JsonArray("1 + 1", "for (var i = 0; i < 3; i++) {", "int 1x = 3;"),
    };

    public static readonly JsonObject InterruptCells = new()
    {
        ["define"] = "var beforeRestart = 5;",
        // A Descent training loop that would run for ~11 days (1 ms per step), stopped only by the interrupt.
        ["cooperative"] =
            "Descent.Optimization.Trainer.Run(new Descent.Functions.Rosenbrock(2), " +
            "Descent.Optimization.Optimizers.GradientDescent(1e-4), MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(2), " +
            "new Descent.Optimization.TrainingOptions { MaxSteps = 1_000_000_000, RecordThetaEvery = 0, OnStep = _ => System.Threading.Thread.Sleep(1) }, " +
            "Descent.Notebooks.CellCancellation.Token)",
        ["old_variable"] = "beforeRestart",
        // Code inside a compiled library that ignores cancellation (the cell's own loops now stop on interrupt).
        ["hung"] = "System.Threading.Thread.Sleep(System.Threading.Timeout.Infinite);",
    };

    /// <summary>Every kind of loop or runaway recursion written in a cell; each prints <see cref="LoopMarker"/> first, so
    /// the driver interrupts it while it runs. None checks a token itself.</summary>
    public static readonly JsonObject LoopCells = new()
    {
        ["marker"] = LoopMarker,
        ["define"] = "var survivor = 41;",
        ["variable"] = "survivor + 1",
        ["next"] = "\"next cell\"",
        ["loops"] = new JsonObject
        {
            ["while"] = "Console.WriteLine(\"" + LoopMarker + "\");\nlong spins = 0;\nwhile (true) { spins++; }",
            ["for"] = "Console.WriteLine(\"" + LoopMarker + "\");\nfor (long i = 0; ; i++) { }",
            // Two library sequences of 2³¹ items, nested: about 10¹⁸ iterations; the inner body is a single statement.
            ["foreach"] = "Console.WriteLine(\"" + LoopMarker + "\");\nlong items = 0;\n" +
                          "foreach (var a in Enumerable.Repeat(1, int.MaxValue))\n    foreach (var b in Enumerable.Repeat(1, int.MaxValue)) items++;",
            ["do"] = "Console.WriteLine(\"" + LoopMarker + "\");\nlong turns = 0;\ndo { turns++; } while (turns >= 0);",
            ["goto"] = "Console.WriteLine(\"" + LoopMarker + "\");\nlong jumps = 0;\nagain:\njumps++;\ngoto again;",
            // Exponential recursion (fib(100) needs about 10²¹ calls), not deep: only the entry check stops it.
            ["recursive_local_function"] = "Console.WriteLine(\"" + LoopMarker + "\");\n" +
                                           "long Fib(int n) => n < 2 ? n : Fib(n - 1) + Fib(n - 2);\nFib(100)",
            ["lambda"] = "Console.WriteLine(\"" + LoopMarker + "\");\nFunc<int, long> fib = null!;\n" +
                         "fib = n => n < 2 ? n : fib(n - 1) + fib(n - 2);\nfib(100)",
            ["method_in_class"] = "Console.WriteLine(\"" + LoopMarker + "\");\n" +
                                  "class Slow { public static long Fib(int n) { return n < 2 ? n : Fib(n - 1) + Fib(n - 2); } }\nSlow.Fib(100)",
        },
        // Live training interrupted: a clean stop, no error.
        ["live"] = "Console.WriteLine(\"" + LoopMarker + "\");\nvar liveRun = Live.Train(new Descent.Functions.Rosenbrock(2), " +
                   "Descent.Optimization.Optimizers.GradientDescent(1e-4), MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(2), " +
                   "new Descent.Optimization.TrainingOptions { MaxSteps = 1_000_000_000, RecordThetaEvery = 0, OnStep = _ => Thread.Sleep(1) }, redrawEvery: 50);",
        ["live_after"] = "liveRun.Reason.ToString()",
        // The control for "no runaway thread": a background thread that spins on purpose (its cell is never interrupted).
        ["spinner"] = "var spinner = new Thread(() => { long k = 0; while (true) { k++; } }) { IsBackground = true };\nspinner.Start();",
        // Infinite recursion: before the interrupt checks it overflowed the stack and ended the kernel process.
        ["deep_recursion"] = "int Down(int n) => Down(n + 1) + 1;\nDown(0)",
    };

    /// <summary>What each loop cell prints before it loops.</summary>
    public const string LoopMarker = "loop started";

    private readonly Lazy<JsonNode> _protocol;
    private readonly Lazy<JsonNode> _interrupt;
    private readonly Lazy<JsonNode> _notebooks;
    private readonly Lazy<JsonNode> _loops;

    public JupyterClients()
    {
        Harness = new KernelHarness();
        _protocol = new Lazy<JsonNode>(() => Harness.RunDriver("protocol", "--cells", WriteCells("protocol", ProtocolCells), "--marker-dir", Harness.Scratch));
        _interrupt = new Lazy<JsonNode>(() => Harness.RunDriver("interrupt", "--cells", WriteCells("interrupt", InterruptCells)));
        _notebooks = new Lazy<JsonNode>(() => Harness.RunDriver(["notebooks", .. Chapters()]));
        _loops = new Lazy<JsonNode>(() => Harness.RunDriver("loops", "--cells", WriteCells("loops", LoopCells)));
    }

    public KernelHarness Harness { get; }

    public JsonNode Protocol => _protocol.Value;

    public JsonNode Interrupt => _interrupt.Value;

    public JsonNode Notebooks => _notebooks.Value;

    public JsonNode Loops => _loops.Value;

    /// <summary>Every chapter notebooks/NN-name.ipynb, discovered, not listed.</summary>
    public string[] Chapters() => Descent.Testing.RepositoryRoot.Chapters();

    public void Dispose() => Harness.Dispose();

    private string WriteCells(string name, JsonObject cells)
    {
        var path = Path.Combine(Harness.Scratch, name + "-cells.json");
        File.WriteAllText(path, cells.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }
}

[CollectionDefinition(Name)]
public sealed class JupyterClientsCollection : ICollectionFixture<JupyterClients>
{
    public const string Name = "Jupyter clients";
}
