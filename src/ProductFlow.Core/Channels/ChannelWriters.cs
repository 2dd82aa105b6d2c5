using ProductFlow.Catalog;
using ProductFlow.Channels.Akeneo;
using ProductFlow.Channels.Google;
using ProductFlow.Channels.Partner;
using ProductFlow.Channels.Shopify;
using ProductFlow.Channels.Web;

namespace ProductFlow.Channels;

/// <summary>The channel kinds and their writers. A new kind is a folder under <c>Channels/</c> with its registration (<see cref="ChannelKind"/>) and one line in <see cref="All"/>.</summary>
public static class ChannelWriters
{
    /// <summary>Every channel kind, by name.</summary>
    public static IReadOnlyDictionary<string, ChannelKind> All { get; } = new[]
    {
        PartnerChannel.Registration,
        WebChannel.Registration,
        ShopifyChannel.Registration,
        GoogleMerchant.Registration,
        AkeneoChannel.Registration,
    }.ToDictionary(k => k.Name, StringComparer.Ordinal);

    public static IReadOnlyCollection<string> Kinds => All.Keys.ToList();

    /// <summary>The kind of <paramref name="channel"/>.</summary>
    public static ChannelKind KindOf(ChannelDefinition channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return All.TryGetValue(channel.Kind, out var kind) ? kind : throw new ProductFlowException($"channel '{channel.Code}' has an unknown kind '{channel.Kind}'");
    }

    public static IChannelWriter Create(ChannelDefinition channel, ProductCatalog catalog, Stream output, ExportMode mode = ExportMode.Full) =>
        KindOf(channel).CreateWriter(channel, catalog, output, mode);

    /// <summary>The data file name of a channel, without writing anything: its <c>file</c>, else its code with the extension of its kind (and format).</summary>
    public static string FileName(ChannelDefinition channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return channel.File ?? channel.Code + (All.TryGetValue(channel.Kind, out var kind) ? kind.Extension(channel) : ".csv");
    }
}
