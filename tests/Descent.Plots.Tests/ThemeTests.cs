using Descent.Functions;
using Descent.Plots.Tests.Support;

namespace Descent.Plots.Tests;

[CollectionDefinition(nameof(ThemeCurrentCollection), DisableParallelization = true)]
public sealed class ThemeCurrentCollection;

[Collection(nameof(ThemeCurrentCollection))]
public sealed class ThemeTests
{
    [Fact]
    public void Slides_theme_uses_bigger_fonts_lines_and_markers()
    {
        var normal = Fig.Of(Plot.Contour(new Rosenbrock(), [new Trajectory("t", [(0.0, 0.0), (1.0, 1.0)])], resolution: 3, title: "t", theme: Theme.Default));
        var slides = Fig.Of(Plot.Contour(new Rosenbrock(), [new Trajectory("t", [(0.0, 0.0), (1.0, 1.0)])], resolution: 3, title: "t", theme: Theme.Slides));
        Assert.Equal(Theme.Default.FontSize, normal.Layout()["font"]!["size"]!.GetValue<int>());
        Assert.Equal(Theme.Slides.FontSize, slides.Layout()["font"]!["size"]!.GetValue<int>());
        Assert.True(Theme.Slides.FontSize >= Theme.Default.FontSize + 6);
        Assert.Equal(Theme.Slides.TitleFontSize, slides.Layout()["title"]!["font"]!["size"]!.GetValue<int>());
        Assert.Equal(Theme.Slides.LineWidth, slides.Data()[1]!["line"]!["width"]!.GetValue<double>());
        Assert.True(slides.Data()[1]!["marker"]!["size"].Doubles()[0] > normal.Data()[1]!["marker"]!["size"].Doubles()[0]);
        Assert.Contains("slides", Theme.Slides.ToString());
    }

    [Fact]
    public void Current_theme_applies_when_none_is_passed()
    {
        var before = Theme.Current;
        try
        {
            Theme.Current = Theme.Slides;
            Assert.Equal(Theme.Slides.FontSize, Fig.Of(Plot.Curve([1.0])).Layout()["font"]!["size"]!.GetValue<int>());
            Assert.Throws<ArgumentNullException>(() => Theme.Current = null!);
        }
        finally
        {
            Theme.Current = before;
        }
        Assert.Equal(Theme.Default.Color(0), Theme.Default.Color(Theme.Default.Colors.Count)); // colours cycle
    }
}
