using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace Descent.Notebooks;

/// <summary>
/// A displayed value that can be replaced in place — a training curve that redraws while the loop runs. In a cell,
/// <c>var h = display(chart);</c> … <c>h.Update(newChart);</c>. Descent owns this handle because the engine's own
/// (.NET Interactive 1.0.0-beta.26120.1, archived) gives the first display and its updates different ids, so front
/// ends appended a new output instead of replacing the old one.
/// </summary>
public sealed class DisplayHandle
{
    private readonly KernelInvocationContext _context;
    private readonly string[] _mimeTypes;

    private DisplayHandle(KernelInvocationContext context, string id, string[] mimeTypes)
    {
        _context = context;
        Id = id;
        _mimeTypes = mimeTypes;
    }

    /// <summary>The display id front ends use to find the output (Jupyter's <c>transient.display_id</c>).</summary>
    public string Id { get; }

    /// <summary>Displays <paramref name="value"/> in the running cell and returns the handle that updates it. With no
    /// <paramref name="mimeTypes"/> the session's formatters choose (text/plain, HTML, Plotly JSON for charts).</summary>
    /// <exception cref="InvalidOperationException">Outside a running notebook cell.</exception>
    public static DisplayHandle Show(object? value, params string[] mimeTypes)
    {
        ArgumentNullException.ThrowIfNull(mimeTypes);
        var context = KernelInvocationContext.Current
            ?? throw new InvalidOperationException("display() works inside a running notebook cell only.");
        var handle = new DisplayHandle(context, Guid.NewGuid().ToString("N"), mimeTypes);
        context.Publish(new DisplayedValueProduced(handle.Value(value), context.Command, handle.Formatted(value), handle.Id));
        return handle;
    }

    /// <summary>Replaces the displayed value with <paramref name="value"/> (Jupyter's <c>update_display_data</c>).</summary>
    public void Update(object? value)
    {
        var context = KernelInvocationContext.Current is { Command: not null } current ? current : _context;
        context.Publish(new DisplayedValueUpdated(Value(value), Id, context.Command, Formatted(value)));
    }

    /// <inheritdoc />
    public override string ToString() => $"display {Id}";

    // With explicit MIME types the value is sent pre-formatted (no value object), which the session passes through.
    private object? Value(object? value) => _mimeTypes.Length == 0 ? value ?? "" : null;

    private FormattedValue[] Formatted(object? value) =>
        _mimeTypes.Length == 0 ? [] : [.. _mimeTypes.Select(m => new FormattedValue(m, (value ?? "").ToDisplayString(m)))];
}
