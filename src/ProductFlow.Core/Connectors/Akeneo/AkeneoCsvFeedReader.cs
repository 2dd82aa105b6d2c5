using ProductFlow.Connectors.Csv;

namespace ProductFlow.Connectors.Akeneo;

/// <summary>Reads an Akeneo product export (<c>format: akeneo-csv</c>): CSV separated by <c>;</c> unless the pipeline says otherwise.</summary>
/// <remarks>Parsing is the strict CSV reader's; mapping the columns is <c>Mapping.Akeneo.AkeneoMapper</c>'s.</remarks>
public sealed class AkeneoCsvFeedReader : IFeedReader
{
    public IAsyncEnumerable<SourceRow> ReadAsync(FeedSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new CsvFeedReader().ReadAsync(source with { Delimiter = source.Delimiter ?? ';' }, cancellationToken);
    }
}
