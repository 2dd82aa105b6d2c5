namespace ProductFlow.Model;

/// <summary>The origin that the values read from one column's cells share: their feed's origin with the column (see <see cref="ValueCell"/>).</summary>
/// <remarks>A mapper keeps one per column it reads and asks it for each row's cells: it is made again only when the feed's origin changes.</remarks>
internal sealed class ColumnOrigin(string column)
{
    private Shared? _shared;

    public string Column { get; } = column;

    /// <summary>The origin of this column's cells in the feed of <paramref name="feed"/> (<see cref="ValueOrigin.OfFeed"/>).</summary>
    public ValueOrigin Of(ValueOrigin feed) =>
        _shared is { } shared && ReferenceEquals(shared.Feed, feed) ? shared.Cells : (_shared = new(feed, feed with { Column = Column })).Cells;

    // One object, so that a thread reads a feed and its cells' origin together.
    private sealed record Shared(ValueOrigin Feed, ValueOrigin Cells);
}
