using ProductFlow.Catalog;

namespace ProductFlow.Channels.Shopify;

/// <summary>Channel kind <c>shopify-csv</c>: Shopify's product import CSV, read by a machine (values written unchanged).</summary>
internal static class ShopifyChannel
{
    public static ChannelKind Registration { get; } = new(ShopifyCsvWriter.Kind, ChannelGrouping.Model, RemovalPolicy.Archive)
    {
        CreateWriter = (view, output, mode) => new ShopifyCsvWriter(view, output, mode),
        UnguardedTextFields = channel => ShopifyCsvWriter.TextFields.Select(f => ShopifyCsvWriter.Map(channel)[f]),
        ImageFields = (channel, _) => [ShopifyCsvWriter.Map(channel)["image"]],
    };
}
