using ProductFlow.Catalog;

namespace ProductFlow.Channels.Web;

/// <summary>Channel kind <c>web-json</c>: JSON Lines of every attribute, a product model's variants under it.</summary>
internal static class WebChannel
{
    public static ChannelKind Registration { get; } = new(WebJsonWriter.Kind, ChannelGrouping.Model, RemovalPolicy.Tombstone)
    {
        CreateWriter = (view, output, mode) => new WebJsonWriter(view, output, mode),
        Extension = _ => ".jsonl",
        ImageFields = (_, catalog) => catalog.Attributes.Select(a => a.Code),
    };
}
