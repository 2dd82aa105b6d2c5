using System.Text;
using System.Text.Json;
using ProductFlow.Connectors;
using ProductFlow.Json;
using ProductFlow.Mapping;

namespace ProductFlow.Store;

/// <summary>The JSON a store keeps for a quarantined record: its issues, and its source fields by column.</summary>
public static class QuarantineJson
{
    private static readonly JsonSerializerOptions IssueOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The issues as a JSON array of <c>{severity, rule, message, column, field, value}</c>.</summary>
    public static string Issues(MappedRecord rejected)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        return JsonSerializer.Serialize(rejected.Issues.Select(i => new { i.Severity, i.Rule, i.Message, i.Column, i.Field, i.Value }).ToList(), IssueOptions);
    }

    public static string Source(SourceRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return JsonText.Write(row, static (writer, row) =>
        {
            writer.WriteStartObject();
            if (row.Raw is not null)
            {
                writer.WriteString("raw", row.Raw);
            }

            for (var i = 0; i < row.Fields.Count; i++)
            {
                writer.WriteString(row.Header.Columns[i], row.Fields[i]);
            }

            writer.WriteEndObject();
        });
    }
}
