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
}
