using ProductFlow.Catalog;

namespace ProductFlow.Channels.Akeneo;

/// <summary>Channel kind <c>akeneo-csv</c>: Akeneo's product (or product model) import CSV; full files only.</summary>
internal static class AkeneoChannel
{
    public static ChannelKind Registration { get; } = new(AkeneoCsvWriter.Kind, ChannelGrouping.Record, RemovalPolicy.FullOnly)
    {
        CreateWriter = (view, output, _) => new AkeneoCsvWriter(view, output),
    };
}
