using ProductFlow.Catalog;
using ProductFlow.Channels.Akeneo;
using ProductFlow.Channels.Google;
using ProductFlow.Channels.Partner;
using ProductFlow.Channels.Shopify;
using ProductFlow.Channels.Web;

namespace ProductFlow.Channels;

/// <summary>Creates the writer of a channel's kind. A new kind is a folder under <c>Channels/</c>, one entry in <see cref="All"/> and one line in <see cref="Create"/>.</summary>
public static class ChannelWriters
{
    /// <summary>Every channel kind, by name.</summary>
    public static IReadOnlyDictionary<string, ChannelKind> All { get; } = new[]
    {
        new ChannelKind(PartnerCsvWriter.Kind, ChannelGrouping.Record, RemovalPolicy.Tombstone),
        new ChannelKind(WebJsonWriter.Kind, ChannelGrouping.Model, RemovalPolicy.Tombstone),
        new ChannelKind(ShopifyCsvWriter.Kind, ChannelGrouping.Model, RemovalPolicy.Archive),
        new ChannelKind(GoogleMerchant.Kind, ChannelGrouping.Record, RemovalPolicy.FullOnly),
        new ChannelKind(AkeneoCsvWriter.Kind, ChannelGrouping.Record, RemovalPolicy.FullOnly),
    }.ToDictionary(k => k.Name, StringComparer.Ordinal);

    public static IReadOnlyCollection<string> Kinds => All.Keys.ToList();

    /// <summary>The kind of <paramref name="channel"/>.</summary>
    public static ChannelKind KindOf(ChannelDefinition channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return All.TryGetValue(channel.Kind, out var kind) ? kind : throw new ProductFlowException($"channel '{channel.Code}' has an unknown kind '{channel.Kind}'");
    }

    public static IChannelWriter Create(ChannelDefinition channel, ProductCatalog catalog, Stream output, ExportMode mode = ExportMode.Full)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return KindOf(channel).Name switch
        {
            PartnerCsvWriter.Kind => new PartnerCsvWriter(channel, catalog, output, mode),
            WebJsonWriter.Kind => new WebJsonWriter(channel, catalog, output, mode),
            ShopifyCsvWriter.Kind => new ShopifyCsvWriter(channel, catalog, output, mode),
            GoogleMerchant.Kind when GoogleMerchant.IsXml(channel) => new GoogleXmlWriter(channel, catalog, output),
            GoogleMerchant.Kind => new GoogleTsvWriter(channel, catalog, output),
            AkeneoCsvWriter.Kind => new AkeneoCsvWriter(channel, catalog, output),
            _ => throw new ProductFlowException($"channel '{channel.Code}' has no writer for kind '{channel.Kind}'"),
        };
    }

    /// <summary>The data file name of a channel, without writing anything: its <c>file</c>, else its code with the extension of its kind (and format).</summary>
    public static string FileName(ChannelDefinition channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return channel.File ?? channel.Code + channel.Kind switch
        {
            WebJsonWriter.Kind => ".jsonl",
            GoogleMerchant.Kind => GoogleMerchant.IsXml(channel) ? ".xml" : ".tsv",
            _ => ".csv",
        };
    }
}
