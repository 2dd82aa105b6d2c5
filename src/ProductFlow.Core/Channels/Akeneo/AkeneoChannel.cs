using ProductFlow.Catalog;

namespace ProductFlow.Channels.Akeneo;

/// <summary>Channel kind <c>akeneo-csv</c>: Akeneo's product (or product model) import CSV; full files only.</summary>
internal static class AkeneoChannel
{
    public static ChannelKind Registration { get; } = new(AkeneoCsvWriter.Kind, ChannelGrouping.Record, RemovalPolicy.FullOnly)
    {
        CreateWriter = (channel, catalog, output, _) => new AkeneoCsvWriter(channel, catalog, output),
    };
}
