using ProductFlow.Catalog;

namespace ProductFlow.Channels.Google;

/// <summary>Channel kind <c>google-merchant</c>: Google Merchant Center product data, as TSV (<see cref="GoogleTsvWriter"/>) or RSS 2.0 XML (<see cref="GoogleXmlWriter"/>).</summary>
/// <remarks>Its rules: <see cref="GoogleMerchantRule"/>. Google replaces a data source with each file it fetches, so the kind takes full files only (<see cref="RemovalPolicy.FullOnly"/>).</remarks>
internal static class GoogleMerchant
{
    public const string Kind = "google-merchant";

    public static ChannelKind Registration { get; } = new(Kind, ChannelGrouping.Record, RemovalPolicy.FullOnly)
    {
        CreateWriter = (view, output, _) => IsXml(view.Channel) ? new GoogleXmlWriter(view, output) : new GoogleTsvWriter(view, output),
        Extension = channel => IsXml(channel) ? ".xml" : ".tsv",
        UnguardedTextFields = channel => GoogleItem.TextFields.Select(f => GoogleItem.Map(channel)[f]),
        ImageFields = (channel, _) => [GoogleItem.Map(channel)["image_link"], GoogleItem.Map(channel)["additional_image_link"]],
        Rules = (channel, views) => [new GoogleMerchantRule(channel, views)],
    };

    /// <summary>Whether the channel's <c>google.format</c> is <c>xml</c> (the default is <c>tsv</c>).</summary>
    public static bool IsXml(ChannelDefinition channel) => string.Equals(channel.Google?.Format, "xml", StringComparison.Ordinal);
}
