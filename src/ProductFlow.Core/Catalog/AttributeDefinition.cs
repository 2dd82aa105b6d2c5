using System.Text.Json.Serialization;

namespace ProductFlow.Catalog;

/// <summary>An attribute of the catalog: its code, type, scoping flags and, for selects, its options.</summary>
public sealed class AttributeDefinition
{
    public required string Code { get; init; }

    public AttributeType Type { get; set; } = AttributeType.Text;

    /// <summary>Whether values differ per locale. Default false.</summary>
    public bool Localizable { get; init; }

    /// <summary>Whether values differ per channel. Default false.</summary>
    public bool Scopable { get; init; }

    /// <summary>The options of a select or multi-select attribute: codes, with labels per locale where the catalog gives them.</summary>
    public IReadOnlyList<AttributeOption> Options { get; set; } = [];

    /// <summary>For a metric: its unit family, <c>mass</c>, <c>length</c>, <c>volume</c> or <c>temperature</c>.</summary>
    public string? MetricFamily { get; init; }

    /// <summary>For a metric: the unit values are stored and published in; values in other units of the family are converted.
    /// For a number measured in a unit ProductFlow cannot convert (an Akeneo metric of another family): its unit, checked, never converted.</summary>
    public string? Unit { get; init; }

    [JsonIgnore]
    public bool IsNumeric => Type is AttributeType.Number or AttributeType.Price or AttributeType.Metric;
}
