namespace ProductFlow.IntegrationTests.Telemetry;

/// <summary>One span of an OTLP traces export: its scope, name, ids and attributes.</summary>
internal sealed record OtlpSpan(string Scope, string Name, string TraceId, string SpanId, string ParentSpanId, IReadOnlyDictionary<string, string> Attributes)
{
    /// <summary>The spans of an <c>ExportTraceServiceRequest</c> (opentelemetry/proto/collector/trace/v1).</summary>
    public static IEnumerable<OtlpSpan> Parse(byte[] request)
    {
        foreach (var resourceSpans in ProtobufReader.Fields(request).Where(f => f.Number == 1))
        {
            foreach (var scopeSpans in ProtobufReader.Fields(resourceSpans.Payload).Where(f => f.Number == 2))
            {
                var scope = "";
                foreach (var field in ProtobufReader.Fields(scopeSpans.Payload))
                {
                    if (field.Number == 1)
                    {
                        scope = ProtobufReader.Fields(field.Payload).FirstOrDefault(f => f.Number == 1).Text;
                    }
                    else if (field.Number == 2)
                    {
                        yield return Span(scope, field.Payload);
                    }
                }
            }
        }
    }

    private static OtlpSpan Span(string scope, ReadOnlyMemory<byte> span)
    {
        var (name, trace, id, parent) = ("", "", "", "");
        var attributes = new Dictionary<string, string>();
        foreach (var field in ProtobufReader.Fields(span))
        {
            switch (field.Number)
            {
                case 1: trace = Convert.ToHexStringLower(field.Payload.Span); break;
                case 2: id = Convert.ToHexStringLower(field.Payload.Span); break;
                case 4: parent = Convert.ToHexStringLower(field.Payload.Span); break;
                case 5: name = field.Text; break;
                case 9:
                    var (key, value) = OtlpPoint.KeyValue(field.Payload);
                    attributes[key] = value;
                    break;
            }
        }

        return new OtlpSpan(scope, name, trace, id, parent, attributes);
    }
}
