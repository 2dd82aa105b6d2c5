using ProductFlow.Catalog;

namespace ProductFlow.Channels.Partner;

/// <summary>Channel kind <c>partner-csv</c>: a CSV file of the channel's columns for a partner to open (values guarded against formulas).</summary>
internal static class PartnerChannel
{
    public static ChannelKind Registration { get; } = new(PartnerCsvWriter.Kind, ChannelGrouping.Record, RemovalPolicy.Tombstone)
    {
        CreateWriter = (view, output, mode) => new PartnerCsvWriter(view, output, mode),
        ImageFields = (channel, _) => channel.Columns.Select(c => c.Value),
    };
}
