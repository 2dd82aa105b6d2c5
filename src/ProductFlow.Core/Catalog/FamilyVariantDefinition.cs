using System.Text.Json.Serialization;

namespace ProductFlow.Catalog;

/// <summary>How the products of a family vary: variant axes by level (colour, then size) and which attributes live at which level.</summary>
/// <remarks>Attributes of the family at no level are model-level: the same for every variant of a product model.</remarks>
public sealed class FamilyVariantDefinition
{
    public required string Code { get; init; }

    public required string Family { get; init; }

    public IReadOnlyList<VariantLevel> Levels { get; set; } = [];

    [JsonIgnore]
    public IEnumerable<string> Axes => Levels.SelectMany(l => l.Axes);

    /// <summary>Axes and attributes of every level: what may differ between variants of one model.</summary>
    [JsonIgnore]
    public IEnumerable<string> VariantAttributes => Levels.SelectMany(l => l.Axes.Concat(l.Attributes));
}
