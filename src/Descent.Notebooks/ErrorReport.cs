using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Events;

namespace Descent.Notebooks;

/// <summary>Turns the engine's failure events into <see cref="ErrorOutput"/> with the cell's line.</summary>
internal static partial class ErrorReport
{
    /// <param name="failed">The engine's failure event.</param>
    /// <param name="errors">The compile errors the engine reported for the cell, if any.</param>
    /// <param name="cellLine">Finds the cell line of a stack frame in a cell (cells are compiled without symbols, so the
    /// runtime's trace has no line for them; <see cref="CellLines.Line"/>).</param>
    public static ErrorOutput FromFailure(CommandFailed failed, IReadOnlyList<Diagnostic> errors, Func<StackFrame, int?> cellLine)
    {
        var exception = Unwrap(failed.Exception);
        if (exception is CompilationErrorException || (exception is null && errors.Count > 0) || IsCompilationWrapper(failed.Exception))
        {
            if (errors.Count > 0)
            {
                var first = errors[0];
                var traceback = errors.Select(d =>
                    $"({d.LinePositionSpan.Start.Line + 1},{d.LinePositionSpan.Start.Character + 1}): error {d.Code}: {d.Message}").ToArray();
                return new ErrorOutput("CompilationError", $"{first.Code}: {first.Message}", traceback, first.LinePositionSpan.Start.Line + 1);
            }

            var lines = failed.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return new ErrorOutput("CompilationError", lines.FirstOrDefault() ?? failed.Message, lines, DiagnosticLine(failed.Message));
        }

        if (exception is null)
        {
            var lines = failed.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return new ErrorOutput("Error", lines.FirstOrDefault() ?? "The cell failed.", lines, DiagnosticLine(failed.Message));
        }

        return new ErrorOutput(exception.GetType().Name, exception.Message, Traceback(exception, cellLine), ExceptionLine(exception, cellLine));
    }

    private static bool IsCompilationWrapper(Exception? exception) =>
        exception is not null && exception.GetType().Name == "CodeSubmissionCompilationErrorException";

    private static Exception? Unwrap(Exception? exception)
    {
        while (exception is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            exception = aggregate.InnerException;
        }

        return exception is { InnerException: CompilationErrorException inner } && IsCompilationWrapper(exception) ? inner : exception;
    }

    /// <summary>
    /// A reader's traceback: "Type: message", then the library frames and the cell's frames (as "cell line N"),
    /// without the engine's own frames; inner exceptions follow the same way.
    /// </summary>
    internal static IReadOnlyList<string> Traceback(Exception exception, Func<StackFrame, int?> cellLine)
    {
        var lines = new List<string>();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            lines.Add((e == exception ? "" : "---> ") + $"{e.GetType().FullName}: {e.Message}");
            // The cell's frames, innermost first, in the order the runtime's trace text lists them.
            var cellLines = new Queue<int?>(CellFrames(e).Select(cellLine));
            foreach (var raw in (e.StackTrace ?? "").Split('\n'))
            {
                var frame = raw.Trim();
                if (frame.Length == 0 || frame.StartsWith("--- End of stack trace", StringComparison.Ordinal)
                    || frame.Contains("Microsoft.CodeAnalysis.Scripting", StringComparison.Ordinal)
                    || frame.Contains("Microsoft.DotNet.Interactive", StringComparison.Ordinal)
                    || frame.Contains("System.Runtime.CompilerServices", StringComparison.Ordinal)
                    || frame.Contains("System.Threading.", StringComparison.Ordinal))
                {
                    continue;
                }

                if (frame.Contains("Submission#", StringComparison.Ordinal))
                {
                    var line = cellLines.Count > 0 ? cellLines.Dequeue() : null;
                    var method = SubmissionMethod().Match(frame);
                    var name = method.Success && !method.Groups[1].Value.Contains("<<Initialize>>", StringComparison.Ordinal)
                        ? method.Groups[1].Value + " " : "";
                    lines.Add($"   at {name}cell line {line?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}");
                }
                else
                {
                    lines.Add("   " + InFile().Replace(frame, m => " in " + Path.GetFileName(m.Groups[1].Value) + ":line " + m.Groups[2].Value));
                }
            }
        }

        return lines;
    }

    /// <summary>The line of the innermost stack frame that belongs to the cell (a Roslyn script submission).</summary>
    internal static int? ExceptionLine(Exception exception, Func<StackFrame, int?> cellLine)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (CellFrames(e).Select(cellLine).FirstOrDefault(l => l is not null) is { } line)
            {
                return line;
            }
        }

        return null;
    }

    private static IEnumerable<StackFrame> CellFrames(Exception exception) =>
        new StackTrace(exception, fNeedFileInfo: false).GetFrames().Where(CellLines.IsCellFrame);

    private static int? DiagnosticLine(string message)
    {
        var match = DiagnosticPosition().Match(message);
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"Submission#\d+\.(\S+?)\(")]
    private static partial Regex SubmissionMethod();

    [GeneratedRegex(@" in (.+):line (\d+)")]
    private static partial Regex InFile();

    [GeneratedRegex(@"\((\d+),\d+\)")]
    private static partial Regex DiagnosticPosition();
}
