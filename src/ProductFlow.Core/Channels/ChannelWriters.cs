using ProductFlow.Catalog;
using ProductFlow.Channels.Partner;

namespace ProductFlow.Channels;

/// <summary>Creates the writer of a channel's kind. A new kind is a folder under <c>Channels/</c>, one entry in <see cref="All"/> and one line in <see cref="Create"/>.</summary>
public static class ChannelWriters
{
    /// <summary>Every channel kind, by name.</summary>
    public static IReadOnlyDictionary<string, ChannelKind> All { get; } = new[]
    {
        new ChannelKind(PartnerCsvWriter.Kind, ChannelGrouping.Record, RemovalPolicy.Tombstone),
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
            _ => throw new ProductFlowException($"channel '{channel.Code}' has no writer for kind '{channel.Kind}'"),
        };
    }

    /// <summary>The data file name of a channel, without writing anything.</summary>
    public static string FileName(ChannelDefinition channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return channel.File ?? channel.Code + ".csv";
    }
}
