
namespace ProductFlow.Catalog;

/// <summary>The options of a <c>web-json</c> channel (catalog channel <c>"web": { ... }</c>).</summary>
public sealed class WebOptions
{
    /// <summary>The catalog fields behind the schema.org properties (keys of <c>WebJsonWriter.DefaultAttributes</c> in <c>Channels/Web</c>), over the defaults.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; set; } = new Dictionary<string, string>();

    /// <summary>Association type -> the schema.org property (<c>isRelatedTo</c> or <c>isSimilarTo</c>) that lists its products and product models,
    /// over the defaults (<c>X_SELL</c> -> <c>isRelatedTo</c>, <c>UPSELL</c> -> <c>isSimilarTo</c>); <c>""</c> turns a default off.
    /// Every association is in the document's <c>associations</c> as well, with quantities and groups.</summary>
    public IReadOnlyDictionary<string, string> Associations { get; set; } = new Dictionary<string, string>();
}
