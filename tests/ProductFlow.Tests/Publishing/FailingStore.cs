using System.Runtime.CompilerServices;
using ProductFlow.Store;
using ProductFlow.Tests.Store;

namespace ProductFlow.Tests.Publishing;

/// <summary>A store whose read of publishable products breaks after some records, as a server that goes away mid-publish.</summary>
internal sealed class FailingStore(IProductStore inner, int afterRecords) : ProductStoreDecorator(inner)
{
    public override async IAsyncEnumerable<PublishableProduct> ReadPublishableAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var read = 0;
        await foreach (var product in Inner.ReadPublishableAsync(cancellationToken))
        {
            if (read++ == afterRecords)
            {
                throw new IOException("the connection to the store was lost");
            }

            yield return product;
        }
    }
}
