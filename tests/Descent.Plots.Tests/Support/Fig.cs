using System.Text.Json.Nodes;
using Descent.Plots;
using Plotly.NET;

namespace Descent.Plots.Tests.Support;

/// <summary>Parses a chart's plotly JSON (System.Text.Json, independent of the Newtonsoft writer) for assertions.</summary>
internal static class Fig
{
    public static JsonObject Of(GenericChart chart) => JsonNode.Parse(ChartJson.ToPlotlyJson(chart))!.AsObject();

    public static JsonArray Data(this JsonObject fig) => fig["data"]!.AsArray();

    public static JsonObject Layout(this JsonObject fig) => fig["layout"]!.AsObject();

    public static JsonArray Frames(this JsonObject fig) => fig["frames"]!.AsArray();

    public static double[] Doubles(this JsonNode? node) => node!.AsArray().Select(v => v!.GetValue<double>()).ToArray();

    /// <summary>Entries of a numeric array, with JSON null read as NaN.</summary>
    public static double[] DoublesOrNaN(this JsonNode? node) =>
        node!.AsArray().Select(v => v is null ? double.NaN : v.GetValue<double>()).ToArray();

    public static string[] Strings(this JsonNode? node) => node!.AsArray().Select(v => v!.GetValue<string>()).ToArray();

    public static string Str(this JsonNode? node) => node!.GetValue<string>();

    /// <summary>
    /// Asserts that a numeric array plots <paramref name="expected"/>: equal up to the chart JSON's rounding to
    /// <see cref="ChartJson.SignificantDigits"/> significant digits, i.e. a relative error of at most 5e-7 (half a unit in
    /// the 7th digit; the extra 1e-15 covers the nearest-double step after parsing). Integral values must match exactly.
    /// </summary>
    public static void AssertPlotted(IEnumerable<double> expected, JsonNode? actual)
    {
        var want = expected.ToArray();
        var got = actual.Doubles();
        Assert.Equal(want.Length, got.Length);
        for (int i = 0; i < want.Length; i++)
        {
            double e = want[i], a = got[i];
            bool ok = e == Math.Floor(e) ? a == e : Math.Abs(a - e) <= (5e-7 + 1e-15) * Math.Abs(e);
            Assert.True(ok, $"entry {i}: expected {e:R}, plotted {a:R} (beyond 7 significant digits)");
        }
    }
}
