using ProductFlow.Access;
using ProductFlow.Events;
using ProductFlow.Model;
using ProductFlow.Store;

namespace ProductFlow.Tests.Store;

/// <summary>A store that hands every call to another: a test store overrides the calls it changes.</summary>
internal abstract class ProductStoreDecorator(IProductStore inner, bool closesInner = false) : IProductStore
{
    protected IProductStore Inner => inner;

    public virtual IAsyncEnumerable<PublishableProduct> ReadPublishableAsync(CancellationToken cancellationToken = default) => inner.ReadPublishableAsync(cancellationToken);

    public virtual Task SaveRunAsync(RunRecord run, IReadOnlyList<EventEnvelope>? events = null, CancellationToken cancellationToken = default) => inner.SaveRunAsync(run, events, cancellationToken);

    public virtual Task<IStoreSession> BeginAsync(RunRecord run, SessionOptions? options = null, CancellationToken cancellationToken = default) => inner.BeginAsync(run, options, cancellationToken);

    public IAsyncEnumerable<ProductChange> ReadChangesAsync(long since, CancellationToken cancellationToken = default) => inner.ReadChangesAsync(since, cancellationToken);

    public Task<StorePosition> PositionAsync(CancellationToken cancellationToken = default) => inner.PositionAsync(cancellationToken);

    public IAsyncEnumerable<RunRecord> ReadRunsAsync(CancellationToken cancellationToken = default) => inner.ReadRunsAsync(cancellationToken);

    public Task<RunRecord?> FindRunAsync(string id, CancellationToken cancellationToken = default) => inner.FindRunAsync(id, cancellationToken);

    public Task<StoredProduct?> FindProductAsync(string sku, CancellationToken cancellationToken = default) => inner.FindProductAsync(sku, cancellationToken);

    public IAsyncEnumerable<string> FindSkusAsync(string prefix, int limit, CancellationToken cancellationToken = default) => inner.FindSkusAsync(prefix, limit, cancellationToken);

    public Task SaveSessionKeyAsync(string name, string xml, DateTimeOffset created, CancellationToken cancellationToken = default) =>
        inner.SaveSessionKeyAsync(name, xml, created, cancellationToken);

    public IAsyncEnumerable<(string Name, string Xml)> ReadSessionKeysAsync(CancellationToken cancellationToken = default) => inner.ReadSessionKeysAsync(cancellationToken);

    public IAsyncEnumerable<StoredVersion> ReadHistoryAsync(string sku, CancellationToken cancellationToken = default) => inner.ReadHistoryAsync(sku, cancellationToken);

    public virtual Task<StoredProduct?> FindModelAsync(string code, CancellationToken cancellationToken = default) => inner.FindModelAsync(code, cancellationToken);

    public IAsyncEnumerable<StoredVersion> ReadModelHistoryAsync(string code, CancellationToken cancellationToken = default) => inner.ReadModelHistoryAsync(code, cancellationToken);

    public IAsyncEnumerable<StoredProduct> ReadVariantsAsync(IReadOnlyCollection<string> models, CancellationToken cancellationToken = default) =>
        inner.ReadVariantsAsync(models, cancellationToken);

    public virtual IAsyncEnumerable<ProductRecord> ReadModelsAsync(CancellationToken cancellationToken = default) => inner.ReadModelsAsync(cancellationToken);

    public virtual IAsyncEnumerable<string> ReadModelCodesAsync(CancellationToken cancellationToken = default) => inner.ReadModelCodesAsync(cancellationToken);

    public IAsyncEnumerable<QuarantineEntry> ReadQuarantineAsync(bool includeClosed = false, CancellationToken cancellationToken = default) => inner.ReadQuarantineAsync(includeClosed, cancellationToken);

    public Task<long> PurgeClosedQuarantineAsync(DateTimeOffset closedBefore, CancellationToken cancellationToken = default) => inner.PurgeClosedQuarantineAsync(closedBefore, cancellationToken);

    public Task SavePrincipalAsync(Principal principal, CancellationToken cancellationToken = default) => inner.SavePrincipalAsync(principal, cancellationToken);

    public Task<Principal?> FindPrincipalAsync(PrincipalKind kind, string name, CancellationToken cancellationToken = default) => inner.FindPrincipalAsync(kind, name, cancellationToken);

    public IAsyncEnumerable<Principal> ReadPrincipalsAsync(PrincipalKind kind, CancellationToken cancellationToken = default) => inner.ReadPrincipalsAsync(kind, cancellationToken);

    public Task AddKeyAsync(StoredKey key, CancellationToken cancellationToken = default) => inner.AddKeyAsync(key, cancellationToken);

    public Task ExpireKeysAsync(PrincipalKind kind, string name, DateTimeOffset at, string? keep = null, CancellationToken cancellationToken = default) =>
        inner.ExpireKeysAsync(kind, name, at, keep, cancellationToken);

    public Task<StoredKey?> FindKeyAsync(string id, CancellationToken cancellationToken = default) => inner.FindKeyAsync(id, cancellationToken);

    public Task RecordAccessAsync(IReadOnlyList<AccessRecord> records, CancellationToken cancellationToken = default) => inner.RecordAccessAsync(records, cancellationToken);

    public IAsyncEnumerable<AccessRecord> ReadAccessAsync(PrincipalKind kind, string name, int limit = 100, CancellationToken cancellationToken = default) =>
        inner.ReadAccessAsync(kind, name, limit, cancellationToken);

    public virtual Task<int> AddEventsAsync(IReadOnlyList<EventEnvelope> events, CancellationToken cancellationToken = default) => inner.AddEventsAsync(events, cancellationToken);

    public IAsyncEnumerable<OutboxEntry> ReadEventsAsync(bool pendingOnly, int limit, CancellationToken cancellationToken = default) => inner.ReadEventsAsync(pendingOnly, limit, cancellationToken);

    public Task MarkSentAsync(IReadOnlyList<string> ids, DateTimeOffset at, CancellationToken cancellationToken = default) => inner.MarkSentAsync(ids, at, cancellationToken);

    public Task MarkFailedAsync(IReadOnlyList<string> ids, string reason, DateTimeOffset nextAttempt, CancellationToken cancellationToken = default) =>
        inner.MarkFailedAsync(ids, reason, nextAttempt, cancellationToken);

    /// <summary>Unless <c>closesInner</c> is given, the inner store stays open: the test that opened it closes it.</summary>
    public ValueTask DisposeAsync() => closesInner ? inner.DisposeAsync() : ValueTask.CompletedTask;
}
