namespace ProductFlow.Catalog;

/// <summary>A category of the catalog's trees: its code and its parent's (none for a root).</summary>
public sealed class CategoryDefinition
{
    public required string Code { get; init; }

    public string? Parent { get; init; }
}
