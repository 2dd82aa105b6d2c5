using System.Text.Json;
using ProductFlow.Json;
using ProductFlow.Model;

namespace ProductFlow.Store;

/// <summary>The stored lineage of a version: where each of its values came from, aligned with the document's sorted values.</summary>
/// <remarks>
/// <para>Written compactly, because most values of a record come from the cells of one line of one feed of one source:
/// <c>{"feed":"f.csv","line":2,"source":"erp","values":["name_en",{"rule":"template"},{"column":"w","rule":"unit"}]}</c>.
/// A string is a cell of the default feed and line; an object names its origin, and takes the default feed and line
/// when it has a column but no feed, and the default source when it has none. A version's lineage is read for every
/// upsert that merges sources and written for every new version, so its size is write volume (about a fifth of the
/// plain array's for a typical record).</para>
/// <para>The plain form, an array of <c>{"feed","line","column","rule","source"}</c> objects, is still read: versions
/// stored before the compact form, and tombstones (<c>[]</c>).</para>
/// </remarks>
public static class LineageJson
{
    private static readonly JsonEncodedText FeedName = JsonEncodedText.Encode("feed");
    private static readonly JsonEncodedText LineName = JsonEncodedText.Encode("line");
    private static readonly JsonEncodedText SourceName = JsonEncodedText.Encode("source");
    private static readonly JsonEncodedText ValuesName = JsonEncodedText.Encode("values");
    private static readonly JsonEncodedText ColumnName = JsonEncodedText.Encode("column");
    private static readonly JsonEncodedText RuleName = JsonEncodedText.Encode("rule");

    /// <summary>Writes the origins of <paramref name="values"/>; <paramref name="feed"/>, <paramref name="line"/> and <paramref name="source"/> are the defaults.</summary>
    public static void Write(Utf8JsonWriter writer, ReadOnlySpan<ValueCell> values, string? feed, long? line, string? source)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteOptional(FeedName, feed);
        if (line is { } number)
        {
            writer.WriteNumber(LineName, number);
        }

        writer.WriteOptional(SourceName, source);
        writer.WriteStartArray(ValuesName);
        foreach (ref readonly var value in values)
        {
            var ownSource = value.OriginSource is not null && !string.Equals(value.OriginSource, source, StringComparison.Ordinal);
            var sameCell = value.OriginColumn is not null && string.Equals(value.OriginFeed, feed, StringComparison.Ordinal) && value.OriginLine == line;
            if (sameCell && value.OriginRule is null && !ownSource)
            {
                writer.WriteStringValue(value.OriginColumn);
                continue;
            }

            writer.WriteStartObject();
            if (!sameCell)
            {
                // A cell of another feed or line; or a rule's value, which has no cell: an explicit null keeps the default off.
                if (value.OriginFeed is null && value.OriginColumn is not null)
                {
                    writer.WriteNull(FeedName);
                }

                writer.WriteOptional(FeedName, value.OriginFeed);
                if (value.OriginLine is { } own)
                {
                    writer.WriteNumber(LineName, own);
                }
            }

            writer.WriteOptional(ColumnName, value.OriginColumn);
            writer.WriteOptional(RuleName, value.OriginRule);
            if (ownSource)
            {
                writer.WriteString(SourceName, value.OriginSource);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>The origins of a version's values, in stored order; reads the compact and the plain form.</summary>
    public static List<ValueOrigin?> Read(ReadOnlySpan<byte> lineage)
    {
        var reader = new Utf8JsonReader(lineage);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Array)
        {
            return root.EnumerateArray().Select(e => (ValueOrigin?)Origin(e, null, null, null)).ToList();
        }

        var feed = Text(root, "feed");
        var line = Number(root, "line");
        var source = Text(root, "source");
        return root.GetProperty("values").EnumerateArray().Select(e => (ValueOrigin?)(e.ValueKind == JsonValueKind.String
            ? new ValueOrigin { Feed = feed, Line = line, Column = e.GetString(), Source = source }
            : Origin(e, feed, line, source))).ToList();
    }

    private static ValueOrigin Origin(JsonElement entry, string? feed, long? line, string? source)
    {
        var column = Text(entry, "column");
        var cellDefaults = column is not null && !entry.TryGetProperty("feed", out _);
        return new ValueOrigin
        {
            Feed = cellDefaults ? feed : Text(entry, "feed"),
            Line = cellDefaults ? line : Number(entry, "line"),
            Column = column,
            Rule = Text(entry, "rule"),
            Source = Text(entry, "source") ?? source,
        };
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : null;
}
