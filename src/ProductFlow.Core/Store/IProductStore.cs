using ProductFlow.Access;
using ProductFlow.Events;
using ProductFlow.Model;

namespace ProductFlow.Store;

/// <summary>Keeps every product (and product model) with its versions, lineage and quarantine, and the runs that wrote them.</summary>
/// <remarks>
/// Writes of a run go through an <see cref="IStoreSession"/>: nothing is visible until it commits, and a
/// session disposed without committing leaves the store as it was. Reads return current, enabled products
/// in a stable order, so exports are stable. The same database keeps who may come in (<see cref="IAccessStore"/>) and the
/// events waiting to be sent (<see cref="IEventOutbox"/>). One contract test suite per concern (ProductStoreContractTests,
/// AccessStoreContractTests, EventOutboxContractTests) runs against every implementation.
/// </remarks>
public interface IProductStore : IAccessStore, IEventOutbox, IAsyncDisposable
{
    /// <summary>Records a run's state (insert or update), outside any session: a crashed run stays visible as <c>running</c>.</summary>
    /// <remarks>With <paramref name="events"/>, they are added to the outbox in the same transaction (as
    /// <see cref="IEventOutbox.AddEventsAsync"/> does): the run's state and the events announcing it are stored together or not at all.</remarks>
    Task SaveRunAsync(RunRecord run, IReadOnlyList<EventEnvelope>? events = null, CancellationToken cancellationToken = default);

    /// <summary>Starts the writes of <paramref name="run"/>; <paramref name="options"/> default to a partial feed.</summary>
    Task<IStoreSession> BeginAsync(RunRecord run, SessionOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Every current, enabled product, each with the channels its rules ran for and those an error keeps it off: what all channels publish, read once.</summary>
    /// <remarks>
    /// Ordered by group key (the product model, or the SKU of a product without one), then SKU; both ordinal over
    /// UTF-8 (<see cref="Channels.ChannelOrder"/>), so the records of a model come one after another. One channel's
    /// records are the products of this read checked for it and not blocked on it (<see cref="ProductStoreExtensions.ReadChannelAsync"/>).
    /// The channels a product was checked for are those of its notes (<see cref="Model.ProductNotes.Channels"/>), stored with it.
    /// </remarks>
    IAsyncEnumerable<PublishableProduct> ReadPublishableAsync(CancellationToken cancellationToken = default);

    /// <summary>The change feed for delta syndication: products created, changed, disabled or removed after <paramref name="since"/>, in commit order.</summary>
    /// <remarks>
    /// Each product appears once, at its latest change; <see cref="ProductChange.Sequence"/> grows with every committed change,
    /// so the last sequence read is the checkpoint of the next call. Start with 0.
    /// </remarks>
    IAsyncEnumerable<ProductChange> ReadChangesAsync(long since, CancellationToken cancellationToken = default);

    /// <summary>Where the store's changes stand: the sequence of its latest committed change of a product, and that change; <see cref="StorePosition.Empty"/> when it has no product.</summary>
    /// <remarks>A publish reads it before the products and keeps it in the version it writes: while it stays the same, so does what
    /// <see cref="ReadPublishableAsync"/> gives (see <see cref="StorePosition"/>).</remarks>
    Task<StorePosition> PositionAsync(CancellationToken cancellationToken = default);

    /// <summary>Every run, the latest started first.</summary>
    IAsyncEnumerable<RunRecord> ReadRunsAsync(CancellationToken cancellationToken = default);

    /// <summary>The run with this id, or null.</summary>
    Task<RunRecord?> FindRunAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The product with <paramref name="sku"/> as it is now, with its notes and lineage; <c>null</c> when the store never had it.</summary>
    Task<StoredProduct?> FindProductAsync(string sku, CancellationToken cancellationToken = default);

    /// <summary>The SKUs that start with <paramref name="prefix"/> (ordinal, case matters), of stored products and of open quarantine
    /// entries (a SKU a run rejected that the store never held), each once, in ordinal order, at most <paramref name="limit"/>.</summary>
    IAsyncEnumerable<string> FindSkusAsync(string prefix, int limit, CancellationToken cancellationToken = default);

    /// <summary>The versions of a SKU, oldest first; empty for an unknown SKU.</summary>
    IAsyncEnumerable<StoredVersion> ReadHistoryAsync(string sku, CancellationToken cancellationToken = default);

    /// <summary>The product model with <paramref name="code"/> as it is now, with its lineage; <c>null</c> when the store has none.</summary>
    /// <remarks>
    /// A run calls it while its own session writes on another thread (to resolve the models of its variants): a store reads what is
    /// committed, without disturbing that session. Models and products are separate namespaces: a model and a product may share a code.
    /// The default is a store without models.
    /// </remarks>
    Task<StoredProduct?> FindModelAsync(string code, CancellationToken cancellationToken = default) => Task.FromResult<StoredProduct?>(null);

    /// <summary>The versions of a product model, oldest first; empty for an unknown code.</summary>
    IAsyncEnumerable<StoredVersion> ReadModelHistoryAsync(string code, CancellationToken cancellationToken = default) => AsyncEnumerable.Empty<StoredVersion>();

    /// <summary>Every current product model, in channel order: by group (the parent model, or the code of a root model), then code (ordinal over UTF-8).</summary>
    /// <remarks>Like <see cref="FindModelAsync"/>, safe to read while a session of the store writes on another thread.</remarks>
    IAsyncEnumerable<ProductRecord> ReadModelsAsync(CancellationToken cancellationToken = default) => AsyncEnumerable.Empty<ProductRecord>();

    /// <summary>The code of every current product model, in no particular order.</summary>
    /// <remarks>A run reads them once, at its first parent or model, and asks <see cref="FindModelAsync"/> only for a code among them: a parent
    /// that is no model (the rule in a flat feed) costs no lookup. Like <see cref="FindModelAsync"/>, safe to read while a session of the
    /// store writes on another thread. The default reads <see cref="ReadModelsAsync"/>.</remarks>
    IAsyncEnumerable<string> ReadModelCodesAsync(CancellationToken cancellationToken = default) => ReadModelsAsync(cancellationToken).Select(m => m.Sku);

    /// <summary>The current (not removed) products whose parent is one of <paramref name="models"/>, with their notes and lineage.</summary>
    /// <remarks>A run reads them, as committed, while its own session writes: the variants of the models it changed. The default is a store without models.</remarks>
    IAsyncEnumerable<StoredProduct> ReadVariantsAsync(IReadOnlyCollection<string> models, CancellationToken cancellationToken = default) =>
        AsyncEnumerable.Empty<StoredProduct>();

    /// <summary>Quarantined records, by run (latest first) then line; only the open ones unless <paramref name="includeClosed"/>.</summary>
    IAsyncEnumerable<QuarantineEntry> ReadQuarantineAsync(bool includeClosed = false, CancellationToken cancellationToken = default);

    /// <summary>Deletes the closed quarantine entries whose closing run (<see cref="QuarantineEntry.ClosedBy"/>) started before
    /// <paramref name="closedBefore"/>; returns how many went. Open entries, products, their versions and lineage, and runs are kept.</summary>
    Task<long> PurgeClosedQuarantineAsync(DateTimeOffset closedBefore, CancellationToken cancellationToken = default);
}
