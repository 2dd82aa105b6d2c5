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
        Create(new ChannelView(channel, catalog), output, mode);

    /// <summary>The writer of <paramref name="view"/>'s channel, reading records through <paramref name="view"/>: a publish shares one view between its comparison and its writer, so each record is resolved once.</summary>
    public static IChannelWriter Create(ChannelView view, Stream output, ExportMode mode = ExportMode.Full)
    {
        ArgumentNullException.ThrowIfNull(view);
        return KindOf(view.Channel).CreateWriter(view, output, mode);
    }

    /// <summary>The data file name of a channel, without writing anything: its <c>file</c>, else its code with the extension of its kind (and format).</summary>
    public static string FileName(ChannelDefinition channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return channel.File ?? channel.Code + (All.TryGetValue(channel.Kind, out var kind) ? kind.Extension(channel) : ".csv");
    }
}
