using ProductFlow.Model;
using ProductFlow.Store;

namespace ProductFlow.Tests.Store;

/// <summary>A store that hands every call to another: a test store overrides the calls it changes.</summary>
internal abstract class ProductStoreDecorator(IProductStore inner, bool closesInner = false) : IProductStore
{
    protected IProductStore Inner => inner;

    public virtual IAsyncEnumerable<PublishableProduct> ReadPublishableAsync(CancellationToken cancellationToken = default) => inner.ReadPublishableAsync(cancellationToken);

    public Task SaveRunAsync(RunRecord run, CancellationToken cancellationToken = default) => inner.SaveRunAsync(run, cancellationToken);

    public virtual Task<IStoreSession> BeginAsync(RunRecord run, SessionOptions? options = null, CancellationToken cancellationToken = default) => inner.BeginAsync(run, options, cancellationToken);

    public IAsyncEnumerable<ProductChange> ReadChangesAsync(long since, CancellationToken cancellationToken = default) => inner.ReadChangesAsync(since, cancellationToken);

    public IAsyncEnumerable<RunRecord> ReadRunsAsync(CancellationToken cancellationToken = default) => inner.ReadRunsAsync(cancellationToken);

    public Task<RunRecord?> FindRunAsync(string id, CancellationToken cancellationToken = default) => inner.FindRunAsync(id, cancellationToken);

    public Task<StoredProduct?> FindProductAsync(string sku, CancellationToken cancellationToken = default) => inner.FindProductAsync(sku, cancellationToken);

    public IAsyncEnumerable<StoredVersion> ReadHistoryAsync(string sku, CancellationToken cancellationToken = default) => inner.ReadHistoryAsync(sku, cancellationToken);

    public Task<StoredProduct?> FindModelAsync(string code, CancellationToken cancellationToken = default) => inner.FindModelAsync(code, cancellationToken);

    public IAsyncEnumerable<StoredVersion> ReadModelHistoryAsync(string code, CancellationToken cancellationToken = default) => inner.ReadModelHistoryAsync(code, cancellationToken);

    public IAsyncEnumerable<StoredProduct> ReadVariantsAsync(IReadOnlyCollection<string> models, CancellationToken cancellationToken = default) =>
        inner.ReadVariantsAsync(models, cancellationToken);

    public virtual IAsyncEnumerable<ProductRecord> ReadModelsAsync(CancellationToken cancellationToken = default) => inner.ReadModelsAsync(cancellationToken);

    public IAsyncEnumerable<QuarantineEntry> ReadQuarantineAsync(bool includeClosed = false, CancellationToken cancellationToken = default) => inner.ReadQuarantineAsync(includeClosed, cancellationToken);

    /// <summary>Unless <c>closesInner</c> is given, the inner store stays open: the test that opened it closes it.</summary>
    public ValueTask DisposeAsync() => closesInner ? inner.DisposeAsync() : ValueTask.CompletedTask;
}
