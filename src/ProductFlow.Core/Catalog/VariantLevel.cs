namespace ProductFlow.Catalog;

/// <summary>One level of a family variant: the axes that tell its variants apart and the attributes that live at this level.</summary>
public sealed class VariantLevel
{
    public IReadOnlyList<string> Axes { get; set; } = [];

    public IReadOnlyList<string> Attributes { get; set; } = [];
}
