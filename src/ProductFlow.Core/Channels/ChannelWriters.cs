using ProductFlow.Catalog;
using ProductFlow.Channels.Partner;

namespace ProductFlow.Channels;

/// <summary>Creates the writer of a channel's kind. A new kind is a folder under <c>Channels/</c> and one line here.</summary>
public static class ChannelWriters
{
    public static IReadOnlyCollection<string> Kinds { get; } = [PartnerCsvWriter.Kind];

    public static IChannelWriter Create(ChannelDefinition channel, ProductCatalog catalog, Stream output)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return channel.Kind switch
        {
            PartnerCsvWriter.Kind => new PartnerCsvWriter(channel, catalog, output),
            _ => throw new ProductFlowException($"channel '{channel.Code}' has an unknown kind '{channel.Kind}'"),
        };
    }

    /// <summary>The data file name of a channel, without writing anything.</summary>
    public static string FileName(ChannelDefinition channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return channel.File ?? channel.Code + ".csv";
    }
}
