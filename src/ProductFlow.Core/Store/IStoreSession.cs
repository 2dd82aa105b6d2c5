using ProductFlow.Mapping;
using ProductFlow.Model;

namespace ProductFlow.Store;

/// <summary>The writes of one run: upserts and quarantine entries, committed together or not at all.</summary>
/// <remarks>
/// A store may buffer or stage writes (the PostgreSQL store copies them into a staging table and merges them at
/// commit), so what an upsert did is known only when <see cref="CommitAsync"/> returns. Within one session the last
/// upsert of a SKU wins. A session disposed without committing leaves the store as it was.
/// A record passed to <see cref="UpsertAsync"/> or <see cref="QuarantineAsync"/> is the session's from then on: the caller
/// does not change it, since a session may write it later on another thread (<see cref="BackgroundStoreSession"/>).
/// A session is used by one caller at a time, not necessarily always on the same thread.
/// </remarks>
public interface IStoreSession : IAsyncDisposable
{
    /// <summary>Upserts by SKU; a new version only when the content hash (values and scopes, not lineage) changed.</summary>
    ValueTask UpsertAsync(ProductRecord record, IReadOnlyCollection<string> blockedChannels, CancellationToken cancellationToken = default);

    /// <summary>Keeps a rejected record with its issues and its source fields.</summary>
    ValueTask QuarantineAsync(MappedRecord rejected, CancellationToken cancellationToken = default);

    /// <summary>Makes every write of the session visible at once and says what the upserts did.</summary>
    Task<CommitSummary> CommitAsync(CancellationToken cancellationToken = default);
}
