using ProductFlow.Model;
using ProductFlow.Store;

namespace ProductFlow.Tests.Store;

/// <summary>A store whose sessions write through a <see cref="BackgroundStoreSession"/>, as a run's do: the contract suite runs against it.</summary>
internal sealed class BackgroundSessionStore(IProductStore inner) : IProductStore
{
    public async Task<IStoreSession> BeginAsync(RunRecord run, SessionOptions? options = null, CancellationToken cancellationToken = default) =>
        BackgroundStoreSession.Start(await inner.BeginAsync(run, options, cancellationToken), cancellationToken);

    public Task SaveRunAsync(RunRecord run, CancellationToken cancellationToken = default) => inner.SaveRunAsync(run, cancellationToken);

    public IAsyncEnumerable<ProductRecord> ReadChannelAsync(string channel, CancellationToken cancellationToken = default) => inner.ReadChannelAsync(channel, cancellationToken);

    public IAsyncEnumerable<ProductChange> ReadChangesAsync(long since, CancellationToken cancellationToken = default) => inner.ReadChangesAsync(since, cancellationToken);

    public IAsyncEnumerable<RunRecord> ReadRunsAsync(CancellationToken cancellationToken = default) => inner.ReadRunsAsync(cancellationToken);

    public Task<RunRecord?> FindRunAsync(string id, CancellationToken cancellationToken = default) => inner.FindRunAsync(id, cancellationToken);

    public Task<StoredProduct?> FindProductAsync(string sku, CancellationToken cancellationToken = default) => inner.FindProductAsync(sku, cancellationToken);

    public IAsyncEnumerable<StoredVersion> ReadHistoryAsync(string sku, CancellationToken cancellationToken = default) => inner.ReadHistoryAsync(sku, cancellationToken);

    public IAsyncEnumerable<QuarantineEntry> ReadQuarantineAsync(bool includeClosed = false, CancellationToken cancellationToken = default) =>
        inner.ReadQuarantineAsync(includeClosed, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
