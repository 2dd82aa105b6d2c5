using ProductFlow.Model;

namespace ProductFlow.Connectors;

/// <summary>One data row of a feed: its fields as raw strings and where it was read.</summary>
/// <remarks>
/// A row the reader could not split reliably (malformed quoting, wrong field count) has a
/// <see cref="Problem"/> and its <see cref="Raw"/> text; it is quarantined, never guessed at.
/// </remarks>
public sealed class SourceRow
{
    public SourceRow(string feed, long line, FeedHeader header, IReadOnlyList<string> fields)
    {
        Feed = feed;
        Line = line;
        Header = header;
        Fields = fields;
    }

    public string Feed { get; }

    /// <summary>The 1-based line where the row starts (the header is line 1).</summary>
    public long Line { get; }

    public FeedHeader Header { get; }

    public IReadOnlyList<string> Fields { get; }

    /// <summary>Where the row is beyond its line, when the format has more to say: <c>$[41]</c> for JSON, <c>Sheet1!12</c> for a workbook.</summary>
    public string? Location { get; init; }

    public Issue? Problem { get; init; }

    public string? Raw { get; init; }

    /// <summary>Whether the row holds nothing: every field blank (<c>;;;;</c>), or, for a row that could not be split, nothing but delimiters, quotes and spaces.</summary>
    public bool IsBlank => Problem is null
        ? Fields.All(string.IsNullOrWhiteSpace)
        : Raw is { } raw && raw.All(c => char.IsWhiteSpace(c) || c == '"' || c == Header.Delimiter);

    /// <summary>The field in column <paramref name="index"/>; empty when the row is shorter.</summary>
    public string this[int index] => index < Fields.Count ? Fields[index] : "";
}
