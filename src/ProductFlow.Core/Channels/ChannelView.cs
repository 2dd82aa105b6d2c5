using System.Text.Json;
using ProductFlow.Catalog;
using ProductFlow.Model;
using ProductFlow.Rules;

namespace ProductFlow.Channels;

/// <summary>A record as one channel sees it: each attribute resolved for the channel's locale (and currency), flattened.</summary>
/// <remarks>
/// Resolution falls back from the most specific scope to the unscoped value (see <see cref="ProductRecord.Resolve"/>).
/// In JSON, numbers and prices are numbers, booleans are booleans, multi-selects are arrays; absent values are left out.
/// </remarks>
public sealed class ChannelView
{
    private readonly ChannelDefinition _channel;
    private readonly ProductCatalog _catalog;

    public ChannelView(ChannelDefinition channel, ProductCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(catalog);
        _channel = channel;
        _catalog = catalog;
    }

    public ChannelDefinition Channel => _channel;

    /// <summary>The value of <paramref name="field"/> as text: a record field or a resolved attribute; <c>null</c> when absent.</summary>
    public string? Text(ProductRecord record, string field)
    {
        ArgumentNullException.ThrowIfNull(record);
        return field switch
        {
            "sku" => record.Sku,
            "parent" => record.Parent,
            "family" => record.Family,
            "categories" => record.Categories.Count == 0 ? null : string.Join(',', record.Categories),
            "enabled" => record.Enabled ? "true" : "false",
            _ => Resolve(record, field)?.Data,
        };
    }

    /// <summary>Whether <paramref name="field"/> holds numbers, which CSV writers leave unquoted and unguarded.</summary>
    public bool IsNumeric(string field) => _catalog.FindAttribute(field)?.IsNumeric == true;

    public ProductValue? Resolve(ProductRecord record, string attribute)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Resolve(attribute, _channel.Code, _channel.Locale, _channel.Currency);
    }

    public void WriteJson(ProductRecord record, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("sku", record.Sku);
        WriteOptional(writer, "parent", record.Parent);
        WriteOptional(writer, "family", record.Family);
        writer.WriteStartArray("categories");
        foreach (var category in record.Categories)
        {
            writer.WriteStringValue(category);
        }

        writer.WriteEndArray();
        writer.WriteBoolean("enabled", record.Enabled);
        foreach (var attribute in _catalog.Attributes)
        {
            if (Resolve(record, attribute.Code) is { } value)
            {
                writer.WritePropertyName(attribute.Code);
                WriteValue(writer, attribute, value.Data);
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, AttributeDefinition attribute, string data)
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

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
