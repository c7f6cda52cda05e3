using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Plotly.NET;

namespace Descent.Plots;

/// <summary>
/// The plotly.js figure of a chart as JSON: <c>{"data": [...], "layout": {...}, "frames": [...]}</c> (plus <c>"config"</c>
/// when the chart sets one), which is what Jupyter's <c>application/vnd.plotly.v1+json</c> mime type and
/// <c>Plotly.newPlot(div, figure)</c> take.
/// </summary>
/// <remarks>Numbers are rounded to <see cref="SignificantDigits"/> significant digits (far finer than a plot can show),
/// so a stored chart reads <c>-0.45</c> rather than <c>-0.44999999999999996</c>; integral values are kept exactly, and the
/// rounding is a pure function of the value, so a rerun writes byte-identical JSON. Any non-finite number that
/// reached a chart is written as null (a gap), never as the invalid JSON token NaN. Animation frames, which Plotly.NET 6
/// charts cannot carry, travel inside the layout and are lifted to the top-level "frames" here.</remarks>
public static class ChartJson
{
    private static readonly JsonSerializer s_serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        ReferenceLoopHandling = ReferenceLoopHandling.Serialize,
        Converters = { new NonFiniteAsNullConverter() },
    });

    /// <summary>The significant digits a chart's numbers keep (7: a relative error below 5e-7, far under a pixel of any
    /// plot, while a rerun with round-off noise in the last bits still writes the same text).</summary>
    public const int SignificantDigits = 7;

    /// <summary>
    /// <paramref name="value"/> rounded to <see cref="SignificantDigits"/> significant digits, as the nearest double to the
    /// shortest decimal: 0.44999999999999996 → 0.45, 1/3 → 0.3333333. Integral values (|x| &lt; 2⁵³) and non-finite values
    /// are returned unchanged.
    /// </summary>
    public static double Round(double value)
    {
        if (!double.IsFinite(value) || (Math.Abs(value) < 9007199254740992.0 && value == Math.Floor(value)))
        {
            return value;
        }

        // "G7" formats with correct decimal rounding of the exact binary value; parsing gives the nearest double, whose
        // shortest round-trip text (what the JSON writer prints) is that same decimal.
        return double.Parse(value.ToString("G7", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The figure JSON (compact, one line).</summary>
    public static string ToPlotlyJson(GenericChart chart) => ToFigure(chart).ToString(Formatting.None);

    /// <summary>The figure JSON, indented for reading or golden files.</summary>
    public static string ToIndentedPlotlyJson(GenericChart chart) => ToFigure(chart).ToString(Formatting.Indented);

    internal static JObject ToFigure(GenericChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var data = JArray.FromObject(GenericChart.getTraces(chart).ToList(), s_serializer);
        var sourceLayout = GenericChart.getLayout(chart);
        var props = ChartParts.Props(sourceLayout);
        JArray frames;
        JObject layout;
        if (props.TryGetValue(ChartParts.FramesKey, out var stored) && stored is not null)
        {
            // Serialize the frames trace by trace (as "data" is): nested inside the layout object Newtonsoft
            // falls back to a slow dynamic path (≈ 10 s for 50 frames of 1000 points instead of ≈ 0.1 s).
            frames = SerializeFrames(stored);
            var copy = new Layout();
            foreach (var (k, v) in props)
            {
                if (k != ChartParts.FramesKey && v is not null)
                {
                    copy.SetProperty(k, v);
                }
            }

            layout = JObject.FromObject(copy, s_serializer);
        }
        else
        {
            frames = new JArray();
            layout = JObject.FromObject(sourceLayout, s_serializer);
        }
        var figure = new JObject { ["data"] = data, ["layout"] = layout, ["frames"] = frames };
        var config = JObject.FromObject(GenericChart.getConfig(chart), s_serializer);
        if (config.HasValues)
        {
            figure["config"] = config;
        }

        return figure;
    }

    private static JArray SerializeFrames(object stored)
    {
        var result = new JArray();
        if (stored is not System.Collections.IEnumerable frames)
        {
            return result;
        }

        foreach (var frame in frames)
        {
            if (frame is not Dictionary<string, object?> f)
            {
                result.Add(JToken.FromObject(frame!, s_serializer));
                continue;
            }
            var o = new JObject();
            foreach (var (k, v) in f)
            {
                o[k] = v switch
                {
                    null => JValue.CreateNull(),
                    IEnumerable<Trace> traces => JArray.FromObject(traces.ToList(), s_serializer),
                    _ => JToken.FromObject(v, s_serializer),
                };
            }
            result.Add(o);
        }
        return result;
    }

    /// <summary>Writes NaN and ±∞ as null (plotly.js draws null as a gap, and JSON has no NaN) and rounds the rest to
    /// <see cref="SignificantDigits"/> digits.</summary>
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
                case double d when double.IsFinite(d): writer.WriteValue(Round(d)); break;
                case float f when float.IsFinite(f): writer.WriteValue(Round(f)); break;
                default: writer.WriteNull(); break;
            }
        }
    }
}
