namespace ProductFlow.Catalog;

/// <summary>How a family's product models split into variants: the axes of each level (colour, then size) and the attributes set there.</summary>
public sealed class FamilyVariantDefinition
{
    public required string Code { get; init; }

    /// <summary>The variant axes of each level, outermost first.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Axes { get; set; } = [];

    /// <summary>The attributes set at each level, outermost first.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Attributes { get; set; } = [];
}
