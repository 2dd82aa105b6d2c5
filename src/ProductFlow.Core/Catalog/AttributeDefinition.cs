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

    /// <summary>For a measured number (an Akeneo metric): the unit its values are in, such as <c>KILOGRAM</c>.</summary>
    public string? Unit { get; init; }

    /// <summary>The option codes of a select or multi-select attribute.</summary>
    public IReadOnlyList<string> Options { get; set; } = [];

    [JsonIgnore]
    public bool IsNumeric => Type is AttributeType.Number or AttributeType.Price;
}
