
namespace ProductFlow.IntegrationTests.Telemetry;

/// <summary>One data point of an OTLP metrics export: its metric (name, unit, scope), attributes and value (a sum's or gauge's number; a histogram's
/// count).</summary>
internal sealed record OtlpPoint(string Scope, string Metric, string Unit, string Kind, IReadOnlyDictionary<string, string> Attributes, double Value)
{
    /// <summary>The points of an <c>ExportMetricsServiceRequest</c> (opentelemetry/proto/collector/metrics/v1).</summary>
    public static IEnumerable<OtlpPoint> Parse(byte[] request)
    {
        foreach (var resourceMetrics in ProtobufReader.Fields(request).Where(f => f.Number == 1))
        {
            foreach (var scopeMetrics in ProtobufReader.Fields(resourceMetrics.Payload).Where(f => f.Number == 2))
            {
                var scope = "";
                foreach (var field in ProtobufReader.Fields(scopeMetrics.Payload))
                {
                    if (field.Number == 1)
                    {
                        scope = ProtobufReader.Fields(field.Payload).FirstOrDefault(f => f.Number == 1).Text;
                    }
                    else if (field.Number == 2)
                    {
                        foreach (var point in MetricPoints(scope, field.Payload))
                        {
                            yield return point;
                        }
                    }
                }
            }
        }
    }

    private static IEnumerable<OtlpPoint> MetricPoints(string scope, ReadOnlyMemory<byte> metric)
    {
        var (name, unit) = ("", "");
        var points = new List<(string Kind, ReadOnlyMemory<byte> Point)>();
        foreach (var field in ProtobufReader.Fields(metric))
        {
            switch (field.Number)
            {
                case 1: name = field.Text; break;
                case 3: unit = field.Text; break;
                case 5 or 7 or 9:
                    var kind = field.Number switch { 5 => "gauge", 7 => "sum", _ => "histogram" };
                    points.AddRange(ProtobufReader.Fields(field.Payload).Where(f => f.Number == 1).Select(f => (kind, f.Payload)));
                    break;
            }
        }

        return points.Select(p => Point(scope, name, unit, p.Kind, p.Point));
    }

    private static OtlpPoint Point(string scope, string name, string unit, string kind, ReadOnlyMemory<byte> point)
    {
        var attributes = new Dictionary<string, string>();
        var value = 0.0;
        var attributesField = kind == "histogram" ? 9 : 7;
        foreach (var field in ProtobufReader.Fields(point))
        {
            if (field.Number == attributesField)
            {
                var (key, text) = KeyValue(field.Payload);
                attributes[key] = text;
            }
            else if (kind == "histogram" ? field.Number == 4 : field.Number == 6)
            {
                value = (long)field.Value; // a histogram's count (fixed64), a number's as_int (sfixed64)
            }
            else if (kind != "histogram" && field.Number == 4)
            {
                value = field.Double;
            }
        }

        return new OtlpPoint(scope, name, unit, kind, attributes, value);
    }

    /// <summary>A <c>KeyValue</c> whose value is a string, a bool or an int, as text.</summary>
    public static (string Key, string Value) KeyValue(ReadOnlyMemory<byte> keyValue)
    {
        var (key, value) = ("", "");
        foreach (var field in ProtobufReader.Fields(keyValue))
        {
            if (field.Number == 1)
            {
                key = field.Text;
            }
            else if (field.Number == 2)
            {
                var any = ProtobufReader.Fields(field.Payload).FirstOrDefault();
                value = any.Number switch
                {
                    1 => any.Text,
                    2 => (any.Value != 0).ToString(),
                    3 => ((long)any.Value).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    4 => any.Double.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    _ => "",
                };
            }
        }

        return (key, value);
    }
}
