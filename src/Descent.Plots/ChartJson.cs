using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Plotly.NET;

namespace Descent.Plots;

/// <summary>
/// The plotly.js figure of a chart as JSON: <c>{"data": [...], "layout": {...}, "frames": [...]}</c> (plus <c>"config"</c>
/// when the chart sets one), which is what Jupyter's <c>application/vnd.plotly.v1+json</c> mime type and
/// <c>Plotly.newPlot(div, figure)</c> take.
/// </summary>
/// <remarks>Numbers are written in round-trip form, so the arrays equal the inputs exactly. Any non-finite number that
/// reached a chart is written as null (a gap), never as the invalid JSON token NaN. Animation frames, which Plotly.NET 6
/// charts cannot carry, travel inside the layout and are lifted to the top-level "frames" here.</remarks>
public static class ChartJson
{
    private static readonly JsonSerializer s_serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        ReferenceLoopHandling = ReferenceLoopHandling.Serialize,
        Converters = { new NonFiniteAsNullConverter() },
    });

    /// <summary>The figure JSON (compact, one line).</summary>
    public static string ToPlotlyJson(GenericChart chart) => ToFigure(chart).ToString(Formatting.None);

    /// <summary>The figure JSON, indented for reading or golden files.</summary>
    public static string ToIndentedPlotlyJson(GenericChart chart) => ToFigure(chart).ToString(Formatting.Indented);

    internal static JObject ToFigure(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var data = JArray.FromObject(GenericChart.getTraces(chart).ToList(), s_serializer);
        var layout = JObject.FromObject(GenericChart.getLayout(chart), s_serializer);
        var frames = layout[ChartParts.FramesKey] as JArray ?? new JArray();
        layout.Remove(ChartParts.FramesKey);
        var figure = new JObject { ["data"] = data, ["layout"] = layout, ["frames"] = frames };
        var config = JObject.FromObject(GenericChart.getConfig(chart), s_serializer);
        if (config.HasValues) figure["config"] = config;
        return figure;
    }

    /// <summary>Writes NaN and ±∞ as null: plotly.js draws null as a gap, and JSON has no NaN.</summary>
    private sealed class NonFiniteAsNullConverter : JsonConverter
    {
        public override bool CanConvert(Type objectType) =>
            objectType == typeof(double) || objectType == typeof(double?) || objectType == typeof(float) || objectType == typeof(float?);

        public override bool CanRead => false;

        public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer) =>
            throw new NotSupportedException();

        public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
        {
            switch (value)
            {
                case double d when double.IsFinite(d): writer.WriteValue(d); break;
                case float f when float.IsFinite(f): writer.WriteValue(f); break;
                default: writer.WriteNull(); break;
            }
        }
    }
}
