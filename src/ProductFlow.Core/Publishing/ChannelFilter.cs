using System.Runtime.CompilerServices;
using ProductFlow.Catalog;
using ProductFlow.Channels;
using ProductFlow.Model;
using ProductFlow.Rules.Checks;

namespace ProductFlow.Publishing;

/// <summary>A channel's <c>filter</c>: only the records for which it holds, on the channel view, are published there.</summary>
public static class ChannelFilter
{
    /// <summary>Whether <paramref name="channel"/>'s filter holds for <paramref name="record"/> (true for a channel without one).</summary>
    public static bool Admits(ProductRecord record, ChannelDefinition channel, ProductCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(channel);
        return channel.CompiledFilter is not { } filter || filter.Evaluate(new CheckScope(new ChannelView(channel, catalog), channel.Locale).FieldsOf(record));
    }

    /// <summary>The records of <paramref name="records"/> that <paramref name="view"/>'s channel admits, read through that view.</summary>
    public static async IAsyncEnumerable<ProductRecord> Apply(
        IAsyncEnumerable<ProductRecord> records, ChannelView view, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(view);
        var channel = view.Channel;
        var filter = channel.CompiledFilter;
        var scope = filter is null ? null : new CheckScope(view, channel.Locale);
        await foreach (var record in records.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (filter is null || filter.Evaluate(scope!.FieldsOf(record)))
            {
                yield return record;
            }
        }
    }
}
