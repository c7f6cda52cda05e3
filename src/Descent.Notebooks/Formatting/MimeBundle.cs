using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;

namespace Descent.Notebooks.Formatting;

/// <summary>Builds the mime data of a displayed or returned value: <c>text/plain</c> always, plus <c>text/html</c>,
/// plus the Plotly figure for charts.</summary>
internal sealed class MimeBundle
{
    private int _charts;

    /// <param name="embedPlotlyJs">Ignored: no chart carries plotly.js inline any more. Each chart's HTML loads it from the
    /// kernel spec's folder when the page lacks it, so a chart draws after a refresh, in a second tab and from stored
    /// outputs, and no output (nor a saved notebook) grows by the library's 3.6 MB.</param>
#pragma warning disable IDE0060 // kept so NotebookSession's call stays as it is
    public MimeBundle(bool embedPlotlyJs)
#pragma warning restore IDE0060
    {
    }

    public IReadOnlyDictionary<string, string> Create(object? value)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (value)
        {
            case GenericChart chart:
                var json = ChartFormatter.FigureJson(chart);
                data[MimeTypes.PlainText] = ChartFormatter.PlainText(json);
                data[MimeTypes.PlotlyJson] = json;
                data[MimeTypes.Html] = ChartFormatter.Html(chart, json, Interlocked.Increment(ref _charts));
                break;
            case string text:
                data[MimeTypes.PlainText] = text;
                data[MimeTypes.Html] = "<pre>" + System.Net.WebUtility.HtmlEncode(text) + "</pre>";
                break;
            default:
                data[MimeTypes.PlainText] = PlainText(value);
                data[MimeTypes.Html] = value is null || ReadsAsText(value)
                    ? "<pre>" + System.Net.WebUtility.HtmlEncode(data[MimeTypes.PlainText]) + "</pre>"
                    : Safe(() => value.ToDisplayString(HtmlFormatter.MimeType), data[MimeTypes.PlainText]);
                break;
        }

        return data;
    }

    internal static string PlainText(object? value)
    {
        if (value is null)
        {
            return "null";
        }

        // A type that overrides ToString() says best how it reads in a notebook (STYLE.md: every public type has one).
        if (OverridesToString(value) && value is not System.Collections.IEnumerable)
        {
            return Safe(() => value.ToString() ?? "", value.GetType().Name);
        }

        return Safe(() => value.ToDisplayString(PlainTextFormatter.MimeType), value.GetType().Name);
    }

    /// <summary>Primitives and types with their own <c>ToString()</c> read best as preformatted text; the engine's
    /// HTML (property tables) is for collections and plain data objects.</summary>
    private static bool ReadsAsText(object value) =>
        value.GetType().IsPrimitive || value is decimal or DateTime or TimeSpan or Enum
        || (OverridesToString(value) && value is not System.Collections.IEnumerable)
        || value.GetType().FullName?.StartsWith("MathNet.Numerics.LinearAlgebra", StringComparison.Ordinal) == true;

    private static bool OverridesToString(object value)
    {
        var toString = value.GetType().GetMethod(nameof(ToString), Type.EmptyTypes);
        return toString is not null && toString.DeclaringType != typeof(object) && toString.DeclaringType != typeof(ValueType);
    }

    private static string Safe(Func<string> format, string fallback)
    {
        try
        {
            return format();
        }
        catch (Exception e)
        {
            return $"{fallback} (formatting failed: {e.Message})";
        }
    }
}
