using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace Descent.Notebooks;

/// <summary>The running cell's output area (Jupyter's <c>clear_output</c>).</summary>
public static class Output
{
    /// <summary>The mime type of the marker that asks the front end to clear the cell's output.</summary>
    public const string ClearOutputMimeType = "application/vnd.descent.clear-output+json";

    /// <summary>
    /// Clears what the running cell has shown so far, e.g. to redraw a progress line. With <paramref name="wait"/> the
    /// front end clears only when the next output arrives, so the area does not flicker.
    /// </summary>
    public static void Clear(bool wait = false)
    {
        var context = KernelInvocationContext.Current
            ?? throw new InvalidOperationException("Output.Clear() works inside a running notebook cell only.");
        context.Publish(new DisplayedValueProduced(null, context.Command,
            [new FormattedValue(ClearOutputMimeType, wait ? "{\"wait\":true}" : "{\"wait\":false}")]));
    }
}
