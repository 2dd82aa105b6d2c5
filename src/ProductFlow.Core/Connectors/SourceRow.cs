using ProductFlow.Model;

namespace ProductFlow.Connectors;

/// <summary>One data row of a feed: its fields as raw strings and where it was read.</summary>
/// <remarks>
/// A row the reader could not split reliably (malformed quoting, wrong field count) has a
/// <see cref="Problem"/> and its <see cref="Raw"/> text; it is quarantined, never guessed at.
/// </remarks>
public sealed class SourceRow
{
    private IReadOnlyList<string> _fields;

    public SourceRow(string feed, long line, FeedHeader header, IReadOnlyList<string> fields)
    {
        Feed = feed;
        Line = line;
        Header = header;
        _fields = fields;
    }

    public string Feed { get; }

    /// <summary>The 1-based line where the row starts (the header is line 1).</summary>
    public long Line { get; }

    public FeedHeader Header { get; }

    /// <summary>The row's fields, one per column of <see cref="Header"/>; none once the row is released (<see cref="Release"/>).</summary>
    public IReadOnlyList<string> Fields => _fields;

    /// <summary>The reader's arrays, when it lends this row one of them (<see cref="Release"/> gives it back).</summary>
    internal RowBuffers? Buffers { get; init; }

    /// <summary>Where the row is beyond its line, when the format has more to say: <c>$[41]</c> for JSON, <c>Sheet1!12</c> for a workbook.</summary>
    public string? Location { get; init; }

    public Issue? Problem { get; init; }

    public string? Raw { get; init; }

    /// <summary>Whether the row holds nothing: every field blank (<c>;;;;</c>), or, for a row that could not be split, nothing but delimiters, quotes and spaces.</summary>
    public bool IsBlank => Problem is null
        ? Fields.All(string.IsNullOrWhiteSpace)
        : Raw is { } raw && raw.All(c => char.IsWhiteSpace(c) || c == '"' || c == Header.Delimiter);

    /// <summary>
    /// Says that nothing will read the row's fields again (its record is accepted and handed on): the reader may read a later row into
    /// their array. The row has no fields after (an empty row, never another row's fields).
    /// </summary>
    public void Release()
    {
        var fields = _fields;
        _fields = [];
        if (Buffers is { } buffers && fields is string[] array)
        {
            buffers.Give(array);
        }
    }

    /// <summary>The field in column <paramref name="index"/>; empty when the row is shorter.</summary>
    public string this[int index] => index < Fields.Count ? Fields[index] : "";
}
