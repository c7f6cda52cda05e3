using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using Descent.Notebooks.Formatting;
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
            EngineTweaks.EmitLineNumbers(csharp);
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
            var submit = new SubmitCode(Preprocess(code), _csharp.Name);
            var handled = new HashSet<KernelEvent>(ReferenceEqualityComparer.Instance);
            var diagnostics = new List<Diagnostic>();
            using var subscription = _kernel.KernelEvents.Subscribe(e =>
            {
                if (!BelongsTo(e.Command, submit))
                {
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
            try
            {
                result = await _kernel.SendAsync(submit, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The engine cancelled the cell's token and abandoned the command; report it as cancelled below.
            }

            var cancelled = cancellationToken.IsCancellationRequested;
            var failed = result?.Events.OfType<CommandFailed>().FirstOrDefault();
            if (cancelled)
            {
                lock (sync)
                {
                    if (!outputs.OfType<ErrorOutput>().Any())
                    {
                        outputs.Add(new ErrorOutput("OperationCanceledException", "The cell was interrupted.", ["The cell was interrupted."], null));
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

    /// <summary>Completions at <paramref name="cursorPosition"/> (an offset into <paramref name="code"/>).</summary>
    public async Task<CompletionResult> CompleteAsync(string code, int cursorPosition,
                                                      CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentOutOfRangeException.ThrowIfNegative(cursorPosition);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cursorPosition, code.Length);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var position = SourceText.ToLinePosition(code, cursorPosition);
        var result = await _kernel.SendAsync(new RequestCompletions(code, new LinePosition(position.Line, position.Character), _csharp.Name), cancellationToken);
        var produced = result.Events.OfType<CompletionsProduced>().FirstOrDefault();
        var start = SourceText.WordStart(code, cursorPosition);
        var end = cursorPosition;
        if (produced?.LinePositionSpan is { } span)
        {
            start = SourceText.ToOffset(code, span.Start.Line, span.Start.Character);
            end = SourceText.ToOffset(code, span.End.Line, span.End.Character);
        }

        var prefix = code[start..cursorPosition];
        var matches = (produced?.Completions ?? [])
            .Select(c => string.IsNullOrEmpty(c.DisplayText) ? c.InsertText : c.DisplayText)
            .Where(t => !string.IsNullOrEmpty(t))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(t => t.StartsWith(prefix, StringComparison.Ordinal) ? 0 : t.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? 1 : 2)
            .ThenBy(t => t, StringComparer.Ordinal)
            .ToArray();
        return new CompletionResult(matches, start, end);
    }

    /// <summary>Signature and documentation of the symbol at <paramref name="cursorPosition"/>, or <c>null</c>.</summary>
    public async Task<InspectResult?> InspectAsync(string code, int cursorPosition,
                                                   CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentOutOfRangeException.ThrowIfNegative(cursorPosition);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cursorPosition, code.Length);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var position = SourceText.ToLinePosition(code, cursorPosition);
        var result = await _kernel.SendAsync(new RequestHoverText(code, new LinePosition(position.Line, position.Character), _csharp.Name), cancellationToken);
        var hover = result.Events.OfType<HoverTextProduced>().FirstOrDefault();
        if (hover is null || hover.Content.Count == 0)
        {
            return null;
        }

        var markdown = hover.Content.FirstOrDefault(c => c.MimeType == MimeTypes.Markdown)?.Value;
        var plain = hover.Content.FirstOrDefault(c => c.MimeType == MimeTypes.PlainText)?.Value ?? SourceText.MarkdownToPlain(markdown ?? "");
        return string.IsNullOrWhiteSpace(plain) && string.IsNullOrWhiteSpace(markdown) ? null : new InspectResult(plain, markdown);
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
        CommandFailed f => ErrorReport.FromFailure(f, Snapshot(diagnostics)),
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
