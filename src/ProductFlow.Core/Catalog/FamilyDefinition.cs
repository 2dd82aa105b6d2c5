namespace ProductFlow.Catalog;

/// <summary>A family: the attributes its products have and those each channel requires.</summary>
public sealed class FamilyDefinition
{
    public required string Code { get; init; }

    public IReadOnlyList<string> Attributes { get; set; } = [];

    /// <summary>Channel code to the attributes a product of this family needs to be complete there.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Requirements { get; set; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The family's variant structures (Akeneo family variants); empty when products are not split into variants.</summary>
    public IReadOnlyList<FamilyVariantDefinition> Variants { get; set; } = [];
}
