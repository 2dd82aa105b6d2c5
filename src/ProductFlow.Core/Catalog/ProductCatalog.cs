using System.Text.Json.Serialization;
using ProductFlow.Model;

namespace ProductFlow.Catalog;

/// <summary>The catalog: locales, currencies, attributes, families and channels (files under <c>schemas/</c>).</summary>
/// <remarks>Loaded and validated by <c>Pipelines.CatalogLoader</c>; lookups are by code, case-sensitive.</remarks>
public sealed class ProductCatalog
{
    private Dictionary<string, AttributeDefinition>? _attributes;
    private Dictionary<string, FamilyDefinition>? _families;
    private Dictionary<string, ChannelDefinition>? _channels;
    private Dictionary<string, FamilyVariantDefinition>? _variants;
    private Dictionary<string, FamilyVariantDefinition>? _variantsByCode;
    private Dictionary<string, CategoryDefinition>? _categories;
    private SlotTable<AttributeDefinition?>? _attributeBySlot;

    public IReadOnlyList<string> Locales { get; set; } = [];

    public IReadOnlyList<string> Currencies { get; set; } = [];

    public IReadOnlyList<AttributeDefinition> Attributes { get; set; } = [];

    public IReadOnlyList<FamilyDefinition> Families { get; set; } = [];

    public IReadOnlyList<ChannelDefinition> Channels { get; set; } = [];

    /// <summary>How the products of a family vary. A family may have several (Akeneo's model); flat feeds use the first.</summary>
    public IReadOnlyList<FamilyVariantDefinition> FamilyVariants { get; set; } = [];

    /// <summary>Value scopes besides the channels (Akeneo channels on import).</summary>
    public IReadOnlyList<ScopeDefinition> Scopes { get; set; } = [];

    public IReadOnlyList<CategoryDefinition> Categories { get; set; } = [];

    /// <summary>Which source wins an attribute when several pipelines feed the same products; default: the latest run.</summary>
    public SourcesDefinition Sources { get; set; } = SourcesDefinition.None;

    /// <summary>The folder of the catalog file, against which channel schema paths resolve.</summary>
    [JsonIgnore]
    public string BaseDirectory { get; set; } = ".";

    public AttributeDefinition? FindAttribute(string code) =>
        (_attributes ??= Attributes.ToDictionary(a => a.Code, StringComparer.Ordinal)).GetValueOrDefault(code);

    /// <summary>The attribute of a value's <paramref name="slot"/>, if the catalog has it: worked out once per shared slot, then read by its id.</summary>
    public AttributeDefinition? FindAttribute(ValueSlot slot) => (_attributeBySlot ??= new(s => FindAttribute(s.Attribute)))[slot];

    public FamilyDefinition? FindFamily(string code) =>
        (_families ??= Families.ToDictionary(f => f.Code, StringComparer.Ordinal)).GetValueOrDefault(code);

    /// <summary>The family variant of <paramref name="family"/>, if its products vary.</summary>
    public FamilyVariantDefinition? FindFamilyVariant(string family) =>
        (_variants ??= FamilyVariants.GroupBy(v => v.Family, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal)).GetValueOrDefault(family);

    /// <summary>The family variant with code <paramref name="code"/> (a product model names its own: a family may have several).</summary>
    public FamilyVariantDefinition? FindFamilyVariantByCode(string code) =>
        (_variantsByCode ??= FamilyVariants.DistinctBy(v => v.Code, StringComparer.Ordinal).ToDictionary(v => v.Code, StringComparer.Ordinal)).GetValueOrDefault(code);

    /// <summary>Whether values may be scoped to <paramref name="code"/>: a channel or a scope of the catalog.</summary>
    public bool IsScope(string code) => FindChannel(code) is not null || Scopes.Any(s => string.Equals(s.Code, code, StringComparison.Ordinal));

    public CategoryDefinition? FindCategory(string code) =>
        (_categories ??= Categories.DistinctBy(c => c.Code, StringComparer.Ordinal).ToDictionary(c => c.Code, StringComparer.Ordinal)).GetValueOrDefault(code);

    /// <summary>Whether <paramref name="code"/> is a category of the tree rooted at <paramref name="root"/> (the root included).</summary>
    public bool IsInTree(string code, string root)
    {
        // Bounded by the number of categories, so a cycle in a catalog that failed its checks cannot loop.
        var category = FindCategory(code);
        for (var steps = 0; category is not null && steps <= Categories.Count; steps++)
        {
            if (string.Equals(category.Code, root, StringComparison.Ordinal))
            {
                return true;
            }

            category = category.Parent is { } parent ? FindCategory(parent) : null;
        }

        return false;
    }

    public ChannelDefinition? FindChannel(string code) =>
        (_channels ??= Channels.ToDictionary(c => c.Code, StringComparer.Ordinal)).GetValueOrDefault(code);
}
