using System.Runtime.CompilerServices;
using ProductFlow.Store;
using ProductFlow.Tests.Store;

namespace ProductFlow.Tests.Publishing;

/// <summary>A store that counts its reads of publishable products and the records they gave, and can act after each record.</summary>
internal sealed class CountingStore(IProductStore inner) : ProductStoreDecorator(inner)
{
    private int _reads;
    private long _records;

    public int Reads => _reads;

    public long Records => Interlocked.Read(ref _records);

    /// <summary>Called with the number of records read so far, after each one is handed on.</summary>
    public Action<long>? AfterRecord { get; init; }

    public override async IAsyncEnumerable<PublishableProduct> ReadPublishableAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _reads);
        await foreach (var product in Inner.ReadPublishableAsync(cancellationToken))
        {
            yield return product;
            var records = Interlocked.Increment(ref _records);
            AfterRecord?.Invoke(records);
        }
    }
}
