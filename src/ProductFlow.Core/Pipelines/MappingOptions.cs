namespace ProductFlow.Pipelines;

/// <summary>The column mapping of a feed to the canonical product record.</summary>
public sealed class MappingOptions
{
    /// <summary>The mapping of a pipeline that has none (akeneo-csv): the SKU in column <c>sku</c>.</summary>
    public static readonly MappingOptions SkuOnly = new() { Sku = new ColumnMapping { Column = "sku" } };

    public required ColumnMapping Sku { get; init; }

    public ColumnMapping? Parent { get; init; }

    public ColumnMapping? Family { get; init; }

    public ColumnMapping? Categories { get; init; }

    /// <summary>Read as a boolean (<c>true/false</c>, <c>1/0</c>, <c>yes/no</c>); absent means enabled.</summary>
    public ColumnMapping? Enabled { get; init; }

    public IReadOnlyList<ColumnMapping> Values { get; set; } = [];
}
