using System.Text.Json;
using ProductFlow.Json;
using ProductFlow.Model;

namespace ProductFlow.Store;

/// <summary>The stored form of <see cref="ProductNotes"/>: compact JSON, the same bytes for the same notes (so a store can compare them).</summary>
public static class NotesJson
{
    private static readonly JsonEncodedText ChannelsName = JsonEncodedText.Encode("channels");
    private static readonly JsonEncodedText IssuesName = JsonEncodedText.Encode("issues");
    private static readonly JsonEncodedText SeverityName = JsonEncodedText.Encode("severity");
    private static readonly JsonEncodedText RuleName = JsonEncodedText.Encode("rule");
    private static readonly JsonEncodedText MessageName = JsonEncodedText.Encode("message");
    private static readonly JsonEncodedText ChannelName = JsonEncodedText.Encode("channel");
    private static readonly JsonEncodedText FieldName = JsonEncodedText.Encode("field");
    private static readonly JsonEncodedText ColumnName = JsonEncodedText.Encode("column");
    private static readonly JsonEncodedText CompletenessName = JsonEncodedText.Encode("completeness");
    private static readonly JsonEncodedText LocaleName = JsonEncodedText.Encode("locale");
    private static readonly JsonEncodedText PresentName = JsonEncodedText.Encode("present");
    private static readonly JsonEncodedText RequiredName = JsonEncodedText.Encode("required");
    private static readonly JsonEncodedText RatioName = JsonEncodedText.Encode("ratio");

    public static string Write(ProductNotes notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        if (notes.Channels.Count == 0 && notes.Issues.Count == 0 && notes.Completeness.Count == 0)
        {
            return "";
        }

        return JsonText.Write(notes, static (writer, notes) =>
        {
            writer.WriteStartObject();
            writer.WriteStrings(ChannelsName, notes.Channels);
            writer.WriteStartArray(IssuesName);
            for (var i = 0; i < notes.Issues.Count; i++)
            {
                var issue = notes.Issues[i];
                writer.WriteStartObject();
                writer.WriteString(SeverityName, issue.Severity.Code());
                writer.WriteString(RuleName, issue.Rule);
                writer.WriteString(MessageName, issue.Message);
                writer.WriteOptional(ChannelName, issue.Channel);
                writer.WriteOptional(FieldName, issue.Field);
                writer.WriteOptional(ColumnName, issue.Column);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            if (notes.Completeness.Count > 0)
            {
                WriteCompleteness(writer, notes.Completeness); // none when no channel sets requirements for the family
            }

            writer.WriteEndObject();
        });
    }

    public static ProductNotes Read(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return ProductNotes.None;
        }

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var channels = root.GetProperty("channels").EnumerateArray().Select(c => c.GetString()!).ToList();
        var issues = root.GetProperty("issues").EnumerateArray().Select(i => new Issue(
            i.GetProperty("severity").GetString() == "error" ? Severity.Error : Severity.Warning,
            i.GetProperty("rule").GetString()!,
            i.GetProperty("message").GetString()!)
        {
            Channel = Text(i, "channel"),
            Field = Text(i, "field"),
            Column = Text(i, "column"),
        }).ToList();
        var completeness = root.TryGetProperty("completeness", out var scores)
            ? scores.EnumerateArray().Select(c => new CompletenessScore(
                c.GetProperty("channel").GetString()!, c.GetProperty("locale").GetString()!, c.GetProperty("present").GetInt32(), c.GetProperty("required").GetInt32())).ToList()
            : [];
        return new ProductNotes(channels, issues) { Completeness = completeness };
    }

    /// <summary>Writes <c>completeness: [{channel, locale, present, required, ratio}]</c>, as notes store it and <c>explain --json</c> shows it (the ratio to 4 places).</summary>
    public static void WriteCompleteness(Utf8JsonWriter writer, IReadOnlyList<CompletenessScore> completeness)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(completeness);
        writer.WriteStartArray(CompletenessName);
        for (var i = 0; i < completeness.Count; i++) // indexed: a foreach over the interface would box an enumerator per record
        {
            var score = completeness[i];
            writer.WriteStartObject();
            writer.WriteString(ChannelName, score.Channel);
            writer.WriteString(LocaleName, score.Locale);
            writer.WriteNumber(PresentName, score.Present);
            writer.WriteNumber(RequiredName, score.Required);
            writer.WriteNumber(RatioName, Math.Round(score.Ratio, 4));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static string? Text(JsonElement element, string name) => element.TryGetProperty(name, out var value) ? value.GetString() : null;
}
