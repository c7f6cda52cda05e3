using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using Descent.Notebooks.Formatting;
using Descent.Notebooks.Interrupt;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.PackageManagement;
using InteractiveDiagnosticSeverity = Microsoft.CodeAnalysis.DiagnosticSeverity;

namespace Descent.Notebooks;

/// <summary>
/// One C# notebook session on the .NET Interactive engine, with Descent and Descent.Plots
/// referenced and their namespaces imported, and formatters that always give <c>text/plain</c> plus
/// <c>text/html</c>, and for charts the Plotly figure with HTML that draws offline. The Jupyter kernel, the
/// runner (<c>descent run</c>, <c>descent build</c>) and the tests all execute cells through this class.
/// </summary>
/// <remarks>
/// Cells run one at a time. A cell's first line <c>#load "descent.csx"</c> (the course convention that
/// makes Descent available in other front ends) loads nothing here, because Descent is preloaded; a cell that holds
/// only that line answers with <see cref="ReadyMessage"/>, so the reader sees that the library is there.
/// </remarks>
public sealed partial class NotebookSession : IAsyncDisposable
{
    private readonly CompositeKernel _kernel;
    private readonly CSharpKernel _csharp;
    private readonly MimeBundle _mime;
    private readonly CellLines _cellLines;
    private readonly NotebookSessionOptions _options;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _originalDirectory = Directory.GetCurrentDirectory();
    private int _executionCount;
    private bool _disposed;

    private NotebookSession(CompositeKernel kernel, CSharpKernel csharp, NotebookSessionOptions options)
    {
        _kernel = kernel;
        _csharp = csharp;
        _options = options;
        _mime = new MimeBundle(options.EmbedPlotlyJs);
        _cellLines = new CellLines(() => csharp.ScriptState?.Script);
    }

    /// <summary>Number of cells executed so far (Jupyter's <c>execution_count</c> of the last cell).</summary>
    public int ExecutionCount => Volatile.Read(ref _executionCount);

    /// <summary>The namespaces imported into every session.</summary>
    public static IReadOnlyList<string> ImportedNamespaces => PreloadedAssemblies()
        .SelectMany(PublicNamespaces)
        .Concat(["System", "System.Linq", "System.Collections.Generic", "System.Threading", "MathNet.Numerics.LinearAlgebra", "Descent.Notebooks"])
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>
    /// Starts the engine: a composite kernel with one C# kernel (NuGet directive, <c>display()</c> helpers, value
    /// sharing), Descent's assemblies referenced and their namespaces imported.
    /// </summary>
    public static async Task<NotebookSession> StartAsync(NotebookSessionOptions? options = null,
                                                         CancellationToken cancellationToken = default)
    {
        options ??= new NotebookSessionOptions();
        if (options.WorkingDirectory is { } dir && !Directory.Exists(dir))
        {
            throw new ArgumentException($"The working directory '{dir}' does not exist.", nameof(options));
        }

        // Library loops that were given no token (Trainer.Run, experiments) stop when the running cell is interrupted.
        Descent.AmbientCancellation.SetHost(() => CellCancellation.Token);
        var csharp = new CSharpKernel()
            .UseNugetDirective((k, refs) =>
            {
                k.AddAssemblyReferences(refs.SelectMany(r => r.AssemblyPaths));
                return Task.CompletedTask;
            })
            .UseKernelHelpers()
            .UseValueSharing();
        var kernel = new CompositeKernel { csharp };
        kernel.DefaultKernelName = csharp.Name;

        var session = new NotebookSession(kernel, csharp, options);
        try
        {
            EngineTweaks.CompileCellsAs(csharp);
            SubmissionChain.TrimAfterEachSubmission(csharp);
            csharp.AddAssemblyReferences(PreloadedAssemblies().Select(a => a.Location)
                .Append(typeof(MathNet.Numerics.LinearAlgebra.Vector<double>).Assembly.Location)
                .Append(typeof(Plotly.NET.GenericChart).Assembly.Location)
                .Append(typeof(CellCancellation).Assembly.Location)
                .Distinct());
            // display() is Descent's (DisplayHandle): the engine's handle updates a display under a different id.
            var usings = string.Join("\n", ImportedNamespaces.Select(n => $"using {n};"))
                + "\nDescent.Notebooks.DisplayHandle display(object value, params string[] mimeTypes) => Descent.Notebooks.DisplayHandle.Show(value, mimeTypes);";
            session.EnterWorkingDirectory();
            var result = await kernel.SendAsync(new SubmitCode(usings, csharp.Name), cancellationToken);
            if (result.Events.OfType<CommandFailed>().FirstOrDefault() is { } failed)
            {
                throw new InvalidOperationException($"The notebook session could not import Descent's namespaces: {failed.Message}");
            }
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }

        return session;
    }

    /// <summary>
    /// Runs one cell. Outputs go to <paramref name="onOutput"/> as they happen and are collected in the result.
    /// Cancelling <paramref name="cancellationToken"/> cancels the cell through the engine: the engine's token
    /// (<see cref="CellCancellation.Token"/> inside the cell) is cancelled, loops that honour it stop, and this
    /// method returns with <see cref="CellExecution.Cancelled"/> set.
    /// </summary>
    public async Task<CellExecution> ExecuteAsync(string code, Action<CellOutput>? onOutput = null,
                                                  CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _gate.WaitAsync(CancellationToken.None);
        var outputs = new List<CellOutput>();
        var sync = new object();
        void Emit(CellOutput output)
        {
            lock (sync)
            {
                outputs.Add(output);
            }

            onOutput?.Invoke(output);
        }

        var stopwatch = Stopwatch.StartNew();
        try
        {
            Interlocked.Increment(ref _executionCount);
            EnterWorkingDirectory();
            var source = Preprocess(code);
            // The cell's own loops and recursion stop on interrupt: checks of the cell's token are written into its
            // code (same lines). If the rewritten cell does not compile, the user's own text is compiled instead, so
            // every compile error names the user's line and column.
            var rewritten = InterruptRewriter.Rewrite(source);
            var submit = new SubmitCode(rewritten, _csharp.Name);
            var deferFailure = !ReferenceEquals(rewritten, source);
            var handled = new HashSet<KernelEvent>(ReferenceEqualityComparer.Instance);
            var diagnostics = new List<Diagnostic>();
            // The cell's code sees its own token (CellCancellation.Token); the engine's token is cancelled only when the
            // code ignores the interrupt for EngineAbandonDelay, so a cell that stops cleanly (Live.Train) ends normally.
            using var cell = CellCancellation.Enter(cancellationToken);
            using var engine = new CancellationTokenSource();
            using var abandon = cancellationToken.Register(() => engine.CancelAfter(EngineAbandonDelay));
            using var subscription = _kernel.KernelEvents.Subscribe(e =>
            {
                if (!BelongsTo(e.Command, submit))
                {
                    return;
                }

                if (e is CommandFailed && Volatile.Read(ref deferFailure))
                {
                    // Reported after SendAsync, once it is known whether the original text has to be compiled instead.
                    return;
                }

                lock (handled)
                {
                    if (!handled.Add(e))
                    {
                        return;
                    }
                }

                if (e is DiagnosticsProduced d)
                {
                    lock (diagnostics)
                    {
                        diagnostics.AddRange(d.Diagnostics);
                    }
                }

                if (Convert(e, diagnostics) is { } output)
                {
                    Emit(output);
                }
            });

            KernelCommandResult? result = null;
            var abandoned = false;
            try
            {
                result = await _kernel.SendAsync(submit, engine.Token);
                if (deferFailure && IsCompilationFailure(result.Events.OfType<CommandFailed>().FirstOrDefault()))
                {
                    Volatile.Write(ref deferFailure, false);
                    lock (diagnostics)
                    {
                        diagnostics.Clear();
                    }

                    submit = new SubmitCode(source, _csharp.Name);
                    result = await _kernel.SendAsync(submit, engine.Token);
                }
            }
            catch (OperationCanceledException) when (engine.IsCancellationRequested)
            {
                // The cell ignored the interrupt and the engine abandoned the command; report it as cancelled below.
                abandoned = true;
            }

            var failed = result?.Events.OfType<CommandFailed>().FirstOrDefault();
            abandoned |= engine.IsCancellationRequested;
            // Interrupted and stopped by it (a check threw, or the engine gave up); a cell that stopped cleanly, such as
            // Live.Train returning its partial run, succeeded.
            var cancelled = cancellationToken.IsCancellationRequested && (abandoned || failed is not null);
            if (!abandoned && !cancellationToken.IsCancellationRequested)
            {
                // The engine finished this submission, so no interrupted cell's code runs any more.
                CellInterrupt.Reset();
            }

            if (cancelled && abandoned)
            {
                lock (sync)
                {
                    if (!outputs.OfType<ErrorOutput>().Any())
                    {
                        outputs.Add(new ErrorOutput("OperationCanceledException", CellInterrupt.InterruptedMessage, [CellInterrupt.InterruptedMessage], null));
                    }
                }
            }
            else if (failed is not null)
            {
                lock (handled)
                {
                    if (!handled.Contains(failed))
                    {
                        handled.Add(failed);
                        if (Convert(failed, diagnostics) is { } output)
                        {
                            Emit(output);
                        }
                    }
                }
            }

            List<CellOutput> snapshot;
            lock (sync)
            {
                snapshot = [.. outputs];
            }

            return new CellExecution(failed is null && !cancelled, cancelled, snapshot, stopwatch.Elapsed);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>How long a cell's code may ignore an interrupt before the engine abandons its submission (the code keeps
    /// running; the engine runs nothing else until it stops). The checks written into cells stop them within milliseconds.</summary>
    internal static readonly TimeSpan EngineAbandonDelay = TimeSpan.FromSeconds(1.5);

    private static bool IsCompilationFailure(CommandFailed? failed) =>
        failed?.Exception is Microsoft.CodeAnalysis.Scripting.CompilationErrorException
        || failed?.Exception?.GetType().Name == "CodeSubmissionCompilationErrorException";

    /// <summary>
    /// Completions at <paramref name="cursorPosition"/> (an offset into <paramref name="code"/>): the engine's candidates
    /// filtered to the identifier typed before the cursor and ranked as VS Code ranks them (see
    /// <see cref="CompletionRanking"/>); the replaced span is that identifier.
    /// </summary>
    public Task<CompletionResult> CompleteAsync(string code, int cursorPosition,
                                                CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentOutOfRangeException.ThrowIfNegative(cursorPosition);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cursorPosition, code.Length);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return CompleteCoreAsync(code, cursorPosition, cancellationToken);
    }

    /// <summary>
    /// Signature and documentation at <paramref name="cursorPosition"/>, or <c>null</c>: anywhere in a call (on the
    /// method's name or inside its argument list) every overload's signature with its XML documentation, the overload
    /// that best fits the arguments typed so far first; elsewhere the symbol's hover text.
    /// </summary>
    public Task<InspectResult?> InspectAsync(string code, int cursorPosition,
                                             CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentOutOfRangeException.ThrowIfNegative(cursorPosition);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cursorPosition, code.Length);
        ObjectDisposedException.ThrowIf(_disposed, this);
        return InspectCoreAsync(code, cursorPosition, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            _disposed = true;
            _kernel.Dispose();
            if (_options.WorkingDirectory is not null && Directory.Exists(_originalDirectory))
            {
                // The engine resolves relative paths against the process's current directory; give it back.
                Directory.SetCurrentDirectory(_originalDirectory);
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>What a cell holding only <c>#load "descent.csx"</c> shows: the library is loaded (no timestamp or path, so
    /// stored outputs stay reproducible).</summary>
    public const string ReadyMessage =
        "Descent is ready: Descent, Descent.Plots and MathNet.Numerics are loaded and their namespaces imported; charts draw offline.";

    /// <summary>The course's first-cell line that other front ends need; nothing to load here since Descent is preloaded.</summary>
    [GeneratedRegex("""^[ \t]*#load[ \t]+"(\.\./)*descent\.csx"[ \t]*$""", RegexOptions.Multiline)]
    internal static partial Regex DescentLoadLine();

    internal static string Preprocess(string code)
    {
        var rest = DescentLoadLine().Replace(code, "");
        return rest.Length < code.Length && string.IsNullOrWhiteSpace(rest) ? $"\"{ReadyMessage}\"" : rest;
    }

    private void EnterWorkingDirectory()
    {
        if (_options.WorkingDirectory is { } dir)
        {
            var full = Path.GetFullPath(dir);
            if (!string.Equals(Directory.GetCurrentDirectory(), full, StringComparison.Ordinal))
            {
                Directory.SetCurrentDirectory(full);
            }
        }
    }

    private static bool BelongsTo(KernelCommand? command, KernelCommand root)
    {
        for (var c = command; c is not null; c = c.Parent)
        {
            if (ReferenceEquals(c, root))
            {
                return true;
            }
        }

        return false;
    }

    private CellOutput? Convert(KernelEvent e, List<Diagnostic> diagnostics) => e switch
    {
        StandardOutputValueProduced o => new StreamOutput("stdout", Text(o)),
        StandardErrorValueProduced o => new StreamOutput("stderr", Text(o)),
        DisplayedValueUpdated u => new DisplayOutput(Data(u), u.ValueId, IsUpdate: true),
        DisplayedValueProduced d => new DisplayOutput(Data(d), d.ValueId, IsUpdate: false),
        ReturnValueProduced r => new ResultOutput(Data(r)),
        ErrorProduced err => new ErrorOutput("Error", err.Message, [err.Message], null),
        CommandFailed f => ErrorReport.FromFailure(f, Snapshot(diagnostics), _cellLines.Line),
        _ => null,
    };

    private static List<Diagnostic> Snapshot(List<Diagnostic> diagnostics)
    {
        lock (diagnostics)
        {
            return diagnostics.Where(d => d.Severity == InteractiveDiagnosticSeverity.Error).ToList();
        }
    }

    private static string Text(DisplayEvent e) =>
        e.Value as string ?? e.FormattedValues.FirstOrDefault(v => v.MimeType == MimeTypes.PlainText)?.Value ?? "";

    private IReadOnlyDictionary<string, string> Data(DisplayEvent e)
    {
        if (e.Value is null && e.FormattedValues.Count > 0)
        {
            // A pre-formatted value (e.g. display(HTML(...))): keep the engine's mime data and make sure text/plain exists.
            var data = e.FormattedValues.ToDictionary(v => v.MimeType, v => v.Value, StringComparer.Ordinal);
            data.TryAdd(MimeTypes.PlainText, "");
            return data;
        }

        return _mime.Create(e.Value);
    }

    private static IEnumerable<Assembly> PreloadedAssemblies() =>
        [typeof(Descent.Functions.Objective).Assembly, typeof(Descent.Plots.Plot).Assembly];

    private static IEnumerable<string> PublicNamespaces(Assembly assembly) =>
        assembly.GetExportedTypes().Select(t => t.Namespace).OfType<string>().Distinct(StringComparer.Ordinal);
}
