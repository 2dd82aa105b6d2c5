using System.Text.Json;
using ProductFlow.Json;
using ProductFlow.Model;

namespace ProductFlow.Store;

/// <summary>The stored form of <see cref="ProductNotes"/>: compact JSON, the same bytes for the same notes (so a store can compare them).</summary>
public static class NotesJson
{
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
            writer.WriteStrings("channels", notes.Channels);
            writer.WriteStartArray("issues");
            foreach (var issue in notes.Issues)
            {
                writer.WriteStartObject();
                writer.WriteString("severity", issue.Severity.Code());
                writer.WriteString("rule", issue.Rule);
                writer.WriteString("message", issue.Message);
                writer.WriteOptional("channel", issue.Channel);
                writer.WriteOptional("field", issue.Field);
                writer.WriteOptional("column", issue.Column);
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
        writer.WriteStartArray("completeness");
        foreach (var score in completeness)
        {
            writer.WriteStartObject();
            writer.WriteString("channel", score.Channel);
            writer.WriteString("locale", score.Locale);
            writer.WriteNumber("present", score.Present);
            writer.WriteNumber("required", score.Required);
            writer.WriteNumber("ratio", Math.Round(score.Ratio, 4));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static string? Text(JsonElement element, string name) => element.TryGetProperty(name, out var value) ? value.GetString() : null;
}
