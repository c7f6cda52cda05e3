namespace Descent.Notebooks;

/// <summary>The mime types the session produces.</summary>
public static class MimeTypes
{
    /// <summary>Plain text, present in every display and result.</summary>
    public const string PlainText = "text/plain";

    /// <summary>HTML.</summary>
    public const string Html = "text/html";

    /// <summary>A Plotly figure as JSON (<c>{"data": [...], "layout": {...}}</c>).</summary>
    public const string PlotlyJson = "application/vnd.plotly.v1+json";

    /// <summary>Markdown.</summary>
    public const string Markdown = "text/markdown";

    /// <summary>JSON.</summary>
    public const string Json = "application/json";

    /// <summary><c>true</c> for mime types whose content is JSON text (stored as JSON objects in ipynb).</summary>
    public static bool IsJson(string mimeType) =>
        mimeType == Json || (mimeType.StartsWith("application/", StringComparison.Ordinal) && mimeType.EndsWith("+json", StringComparison.Ordinal));
}
