namespace Descent.Plots;

/// <summary>
/// Fonts, line widths, marker sizes, chart height and colours used by every chart builder.
/// <see cref="Default"/> suits a notebook on a laptop; <see cref="Slides"/> (lecturer mode) uses big fonts,
/// thick lines and large markers so a chart reads from the back of a lecture hall.
/// </summary>
/// <param name="Name">Short name shown by <see cref="ToString"/>.</param>
/// <param name="FontSize">Base font size in px (axis labels, ticks, legend).</param>
/// <param name="TitleFontSize">Chart title font size in px.</param>
/// <param name="LineWidth">Width of curves and trajectories in px.</param>
/// <param name="MarkerSize">Diameter of ordinary markers in px; start/end markers are drawn larger.</param>
/// <param name="Height">Height of one chart (one row of a grid) in px.</param>
/// <param name="FontFamily">CSS font family list.</param>
/// <param name="Colors">Series colours, used in order and then repeated.</param>
public sealed record Theme(
    string Name,
    int FontSize,
    int TitleFontSize,
    double LineWidth,
    double MarkerSize,
    int Height,
    string FontFamily,
    IReadOnlyList<string> Colors)
{
    private static volatile Theme? s_current;

    /// <summary>Notebook theme: 13 px text, 2 px lines, 480 px tall charts.</summary>
    public static Theme Default { get; } = new(
        "default", 13, 17, 2.0, 6.0, 480, "Open Sans, verdana, arial, sans-serif", Palette);

    /// <summary>Lecturer mode: 22 px text, 4 px lines, 11 px markers, 620 px tall charts.</summary>
    public static Theme Slides { get; } = new(
        "slides", 22, 30, 4.0, 11.0, 620, "Open Sans, verdana, arial, sans-serif", Palette);

    /// <summary>
    /// The theme builders use when none is passed: <see cref="Default"/> until a notebook sets
    /// <c>Theme.Current = Theme.Slides;</c> (one line at the top of a lecture).
    /// </summary>
    public static Theme Current
    {
        get => s_current ?? Default;
        set => s_current = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>The colour for series number <paramref name="index"/> (0-based), cycling through <see cref="Colors"/>.</summary>
    public string Color(int index)
    {
        if (Colors.Count == 0)
        {
            return "#1f77b4";
        }

        return Colors[((index % Colors.Count) + Colors.Count) % Colors.Count];
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"Theme {Name}: font {FontSize} px (titles {TitleFontSize} px), lines {LineWidth} px, markers {MarkerSize} px, height {Height} px";

    // Colour-blind-friendly order (Okabe–Ito, with blue first).
    private static IReadOnlyList<string> Palette =>
        ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"];
}
