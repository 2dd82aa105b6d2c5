using System.Runtime.CompilerServices;
using ProductFlow.Model;

namespace ProductFlow.Store;

/// <summary>Reads built on the one read every store implements, so each store has one query for what channels publish.</summary>
public static class ProductStoreExtensions
{
    /// <summary>The current, enabled products checked for <paramref name="channel"/> that no error keeps off it, in channel order (see <see cref="IProductStore.ReadPublishableAsync"/>).</summary>
    public static async IAsyncEnumerable<ProductRecord> ReadChannelAsync(this IProductStore store, string channel, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(channel);
        await foreach (var product in store.ReadPublishableAsync(cancellationToken).ConfigureAwait(false))
        {
            if (product.IsPublishableOn(channel))
            {
                yield return product.Record;
            }
        }
    }
}
