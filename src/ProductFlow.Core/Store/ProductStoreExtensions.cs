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

    /// <summary>When the newest data of the store was stored: the start of the latest completed run that created, changed or removed a
    /// product; null when none did.</summary>
    /// <remarks>Read from the runs, latest first, so it stops at the first that changed anything (the runs after it, if any, changed nothing).</remarks>
    public static async Task<DateTimeOffset?> LastChangeAsync(this IProductStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        await foreach (var run in store.ReadRunsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (run.Status == RunStatus.Completed && run.Counts.Changed + run.Counts.Removed > 0)
            {
                return run.Started;
            }
        }

        return null;
    }
}
