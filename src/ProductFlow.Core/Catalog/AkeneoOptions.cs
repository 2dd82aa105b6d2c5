
namespace ProductFlow.Catalog;

/// <summary>The options of an <c>akeneo-csv</c> channel (catalog channel <c>"akeneo": { ... }</c>).</summary>
public sealed class AkeneoOptions
{
    public const string Products = "products";

    public const string ProductModels = "product_models";

    /// <summary>What the channel writes: <c>products</c> (default: Akeneo's product import) or <c>product_models</c> (its product model import).</summary>
    public string Entity { get; set; } = Products;
}
