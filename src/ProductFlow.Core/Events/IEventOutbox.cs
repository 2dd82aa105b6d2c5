namespace ProductFlow.Events;

/// <summary>The events waiting to be sent, kept in the product store's database so that none is lost to a crash or an outage.</summary>
/// <remarks>
/// An event is added in the transaction of what it announces where that lives in the store
/// (<see cref="Store.IProductStore.SaveRunAsync"/> with events), or afterwards, idempotently, where it lives elsewhere (an export
/// version committed by its manifest, re-derived from the manifests of the current versions). Adding an id that is already there changes
/// nothing. Entries are read in the order they were written (<see cref="OutboxEntry.Sequence"/>): a sequence that follows the
/// order of commits, also when several processes write (the stores serialise outbox writes for that).
/// </remarks>
public interface IEventOutbox
{
    /// <summary>Adds the events in this order; an id already in the outbox (sent or not) is left as it is. Returns how many were new.</summary>
    Task<int> AddEventsAsync(IReadOnlyList<EventEnvelope> events, CancellationToken cancellationToken = default);

    /// <summary>Entries in the order written: only unsent ones when <paramref name="pendingOnly"/>, at most <paramref name="limit"/>.</summary>
    IAsyncEnumerable<OutboxEntry> ReadEventsAsync(bool pendingOnly, int limit, CancellationToken cancellationToken = default);

    Task MarkSentAsync(IReadOnlyList<string> ids, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Counts a failed attempt for each event and holds it back until <paramref name="nextAttempt"/>.</summary>
    Task MarkFailedAsync(IReadOnlyList<string> ids, string reason, DateTimeOffset nextAttempt, CancellationToken cancellationToken = default);
}
