using System.Text;
using System.Text.Json;
using ProductFlow.Model;

namespace ProductFlow.Connectors.Replay;

/// <summary>The file <c>quarantine replay</c> runs: a run's open quarantined rows, as the feed had them, in ProductFlow's own format.</summary>
/// <remarks>
/// <para>JSON Lines in UTF-8, whatever the feed's format and encoding were, so every source format replays the same way and no
/// text is re-encoded: line 1 is <c>{"productflow": "replay", "run": runId, "feed": name, "delimiter": ";", "columns": [...]}</c>
/// (the feed's columns as its header named them), then one line per row, <c>{"line": n, "fields": [...]}</c> (the row's line in
/// the original feed, its fields in column order).</para>
/// <para>Rows kept only as raw text (a row the reader could not split) cannot be replayed and are left out.</para>
/// </remarks>
public static class ReplayFile
{
    /// <summary>The <c>productflow</c> marker of line 1.</summary>
    public const string Marker = "replay";

    /// <summary>The replay file of <paramref name="runId"/> in a data folder: <c>&lt;data&gt;/replay/replay-&lt;runId&gt;.jsonl</c>.</summary>
    public static string PathOf(string dataDirectory, string runId) => System.IO.Path.Combine(dataDirectory, "replay", $"replay-{runId}.jsonl");

    /// <summary>Writes the entries that can be replayed, by line; returns how many (none: no file is written).</summary>
    public static int Write(string path, string runId, string? feed, char delimiter, IEnumerable<QuarantineEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(entries);
        var rows = new List<(long Line, List<KeyValuePair<string, string>> Fields)>();
        foreach (var entry in entries.OrderBy(e => e.Line))
        {
            if (FieldsOf(entry) is { } fields)
            {
                rows.Add((entry.Line, fields));
            }
        }

        if (rows.Count == 0)
        {
            return 0;
        }

        var columns = rows[0].Fields.Select(f => f.Key).ToList();
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
        WriteHeader(stream, runId, feed, delimiter, columns);
        foreach (var (line, fields) in rows)
        {
            WriteRow(stream, line, InColumnOrder(fields, columns));
        }

        return rows.Count;
    }

    /// <summary>A quarantined row's columns and values as the feed had them, in order; <c>null</c> for a row kept only as raw text
    /// (the reader could not split it), which cannot be replayed.</summary>
    public static List<KeyValuePair<string, string>>? FieldsOf(QuarantineEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        using var source = JsonDocument.Parse(entry.Source);
        return source.RootElement.TryGetProperty("raw", out _)
            ? null
            : source.RootElement.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.GetString() ?? "")).ToList();
    }

    /// <summary>Writes line 1: the marker, the run and feed the rows come from, the feed's delimiter and its columns.</summary>
    public static void WriteHeader(Stream stream, string? runId, string? feed, char delimiter, IEnumerable<string> columns)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(columns);
        using (var header = new Utf8JsonWriter(stream))
        {
            header.WriteStartObject();
            header.WriteString("productflow", Marker);
            header.WriteString("run", runId);
            header.WriteString("feed", feed);
            header.WriteString("delimiter", delimiter.ToString());
            header.WriteStartArray("columns");
            foreach (var column in columns)
            {
                header.WriteStringValue(column);
            }

            header.WriteEndArray();
            header.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
    }

    /// <summary>Writes one row: its line in the feed it was read from, and its fields in the header's column order.</summary>
    public static void WriteRow(Stream stream, long line, IEnumerable<string> fields)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fields);
        using (var row = new Utf8JsonWriter(stream))
        {
            row.WriteStartObject();
            row.WriteNumber("line", line);
            row.WriteStartArray("fields");
            foreach (var value in fields)
            {
                row.WriteStringValue(value);
            }

            row.WriteEndArray();
            row.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
    }

    /// <summary>A row's fields in the columns' order: by position when it has exactly those columns (a header may name a column twice), else by name.</summary>
    private static IEnumerable<string> InColumnOrder(List<KeyValuePair<string, string>> fields, List<string> columns)
    {
        if (fields.Select(f => f.Key).SequenceEqual(columns, StringComparer.Ordinal))
        {
            return fields.Select(f => f.Value);
        }

        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in fields)
        {
            byName.TryAdd(key, value);
        }

        return columns.Select(c => byName.GetValueOrDefault(c, ""));
    }

    internal static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
