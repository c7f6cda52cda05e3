namespace Descent.Notebooks.Export;

/// <summary>Numbers the charts of one page (their element ids) and says whether they are drawn at once or when shown.</summary>
/// <param name="deferred"><c>true</c> in slide decks: a chart is drawn when its slide becomes visible, so Plotly
/// measures the real size of the slide instead of a hidden one.</param>
internal sealed class ChartCounter(bool deferred)
{
    private int _count;

    /// <summary>Whether charts are drawn when their slide is shown.</summary>
    public bool Deferred { get; } = deferred;

    /// <summary>The next chart's number, from 1.</summary>
    public int Next() => ++_count;
}
