using System.Text.Json;
using ProductFlow.Json;
using ProductFlow.Model;
using ProductFlow.Primitives;

namespace ProductFlow.Catalog;

/// <summary>A channel's view of a record written as JSON (what the channel schema checks validate when a record fails their slot checks).</summary>
public sealed partial class ChannelView
{
    public void WriteJson(ProductRecord record, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("sku", record.Sku);
        writer.WriteOptional("parent", record.Parent);
        writer.WriteOptional("family", record.Family);
        writer.WriteStrings("categories", record.Categories);
        writer.WriteBoolean("enabled", record.Enabled);
        var best = ResolveAll(record);
        var cells = record.Values.Cells;
        for (var i = 0; i < best.Length; i++)
        {
            if (best[i] >= 0)
            {
                var attribute = _catalog.Attributes[i];
                writer.WritePropertyName(attribute.Code);
                WriteValue(writer, attribute, Present(i, cells[best[i]])!);
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes an attribute's data as a JSON value of its type (see the remarks of this class).</summary>
    internal static void WriteValue(Utf8JsonWriter writer, AttributeDefinition attribute, string data)
    {
        switch (attribute.Type)
        {
            case AttributeType.Number or AttributeType.Price or AttributeType.Metric when CanonicalNumber.TryParse(data, out var number):
                writer.WriteNumberValue(number);
                break;
            case AttributeType.Boolean when data is "true" or "false":
                writer.WriteBooleanValue(data == "true");
                break;
            case AttributeType.MultiSelect:
                writer.WriteStartArray();
                foreach (var code in data.Split(',', StringSplitOptions.RemoveEmptyEntries))
                {
                    writer.WriteStringValue(code);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(data);
                break;
        }
    }
}
