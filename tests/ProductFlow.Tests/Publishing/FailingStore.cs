using System.Runtime.CompilerServices;
using ProductFlow.Model;
using ProductFlow.Store;

namespace ProductFlow.Tests.Publishing;

/// <summary>A store whose channel read breaks after some records, as a server that goes away mid-publish.</summary>
internal sealed class FailingStore(IProductStore inner, int afterRecords) : IProductStore
{
    public async IAsyncEnumerable<ProductRecord> ReadChannelAsync(string channel, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var read = 0;
        await foreach (var record in inner.ReadChannelAsync(channel, cancellationToken))
        {
            if (read++ == afterRecords)
            {
                throw new IOException("the connection to the store was lost");
            }

            yield return record;
        }
    }

    public Task SaveRunAsync(RunRecord run, CancellationToken cancellationToken = default) => inner.SaveRunAsync(run, cancellationToken);

    public Task<IStoreSession> BeginAsync(RunRecord run, SessionOptions? options = null, CancellationToken cancellationToken = default) => inner.BeginAsync(run, options, cancellationToken);

    public IAsyncEnumerable<ProductChange> ReadChangesAsync(long since, CancellationToken cancellationToken = default) => inner.ReadChangesAsync(since, cancellationToken);

    public IAsyncEnumerable<RunRecord> ReadRunsAsync(CancellationToken cancellationToken = default) => inner.ReadRunsAsync(cancellationToken);

    public Task<RunRecord?> FindRunAsync(string id, CancellationToken cancellationToken = default) => inner.FindRunAsync(id, cancellationToken);

    public Task<StoredProduct?> FindProductAsync(string sku, CancellationToken cancellationToken = default) => inner.FindProductAsync(sku, cancellationToken);

    public IAsyncEnumerable<StoredVersion> ReadHistoryAsync(string sku, CancellationToken cancellationToken = default) => inner.ReadHistoryAsync(sku, cancellationToken);

    public IAsyncEnumerable<QuarantineEntry> ReadQuarantineAsync(bool includeClosed = false, CancellationToken cancellationToken = default) => inner.ReadQuarantineAsync(includeClosed, cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
