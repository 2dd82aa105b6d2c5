namespace ProductFlow.Connectors;

/// <summary>Streams the rows of a feed.</summary>
/// <remarks>
/// Readers never hold a whole feed in memory. A row-level problem becomes a <see cref="SourceRow"/> with a
/// <see cref="SourceRow.Problem"/>; a feed that cannot be read to its end throws <see cref="FeedReadException"/>
/// naming the file and, where known, the line.
/// </remarks>
public interface IFeedReader
{
    IAsyncEnumerable<SourceRow> ReadAsync(FeedSource source, CancellationToken cancellationToken = default);
}
