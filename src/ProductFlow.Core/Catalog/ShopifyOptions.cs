
namespace ProductFlow.Catalog;

/// <summary>The options of a <c>shopify-csv</c> channel (catalog channel <c>"shopify": { ... }</c>).</summary>
public sealed class ShopifyOptions
{
    /// <summary>The catalog fields behind Shopify's columns (keys of <c>ShopifyCsvWriter.DefaultAttributes</c> in <c>Channels/Shopify</c>), over the defaults.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; set; } = new Dictionary<string, string>();

    /// <summary>The <c>Product Category</c> of every product (Shopify's taxonomy, such as <c>Apparel &amp; Accessories &gt; Clothing</c>). Default none.</summary>
    public string? ProductCategory { get; set; }
}
