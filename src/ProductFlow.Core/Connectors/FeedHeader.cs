namespace ProductFlow.Connectors;

/// <summary>The columns of a feed, exactly as written, with a lookup that ignores case and surrounding spaces.</summary>
public sealed class FeedHeader
{
    private readonly Dictionary<string, int> _index = new(StringComparer.OrdinalIgnoreCase);

    public FeedHeader(IReadOnlyList<string> columns, char delimiter)
    {
        ArgumentNullException.ThrowIfNull(columns);
        Columns = columns;
        Delimiter = delimiter;
        for (var i = 0; i < columns.Count; i++)
        {
            _index.TryAdd(columns[i].Trim(), i);
        }
    }

    /// <summary>The column names as the feed writes them.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The delimiter the feed uses (declared or detected), so rejected rows go back in the supplier's own dialect.</summary>
    public char Delimiter { get; }

    /// <summary>The text encoding the feed was read with (declared or detected), e.g. <c>utf-8</c>; <c>null</c> for binary formats.</summary>
    public string? Encoding { get; init; }

    /// <summary>Warnings about the feed as a whole, found before its first row (<c>encoding.suspect</c>); the run reports them once.</summary>
    public IReadOnlyList<Model.Issue> Issues { get; init; } = [];

    /// <summary>The index of <paramref name="name"/>, matched trimmed and case-insensitively; -1 when absent.</summary>
    public int IndexOf(string name) => _index.TryGetValue(name.Trim(), out var index) ? index : -1;

    /// <summary>The columns whose trimmed, case-insensitive names occur more than once.</summary>
    public IEnumerable<string> Duplicates() =>
        Columns.GroupBy(c => c.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.First());
}
