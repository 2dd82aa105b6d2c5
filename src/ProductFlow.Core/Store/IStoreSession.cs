using ProductFlow.Mapping;
using ProductFlow.Model;

namespace ProductFlow.Store;

/// <summary>The writes of one run: upserts and quarantine entries, committed together or not at all.</summary>
public interface IStoreSession : IAsyncDisposable
{
    /// <summary>Upserts by SKU; a new version only when the content hash (values and scopes, not lineage) changed.</summary>
    ValueTask<UpsertOutcome> UpsertAsync(ProductRecord record, IReadOnlyCollection<string> blockedChannels, CancellationToken cancellationToken = default);

    /// <summary>Keeps a rejected record with its issues and its source fields.</summary>
    ValueTask QuarantineAsync(MappedRecord rejected, CancellationToken cancellationToken = default);

    Task CommitAsync(CancellationToken cancellationToken = default);
}
