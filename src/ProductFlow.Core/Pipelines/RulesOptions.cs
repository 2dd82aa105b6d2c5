using ProductFlow.Model;

namespace ProductFlow.Pipelines;

/// <summary>The rules a pipeline applies on top of those its catalog implies.</summary>
public sealed class RulesOptions
{
    /// <summary>Attributes every record must have (rule <c>required</c>).</summary>
    public IReadOnlyList<string> Required { get; set; } = [];

    /// <summary>Attributes that hold GTINs (rule <c>gtin.check-digit</c>).</summary>
    public IReadOnlyList<string> Gtin { get; set; } = [];

    /// <summary>Attributes whose values must belong to one SKU only within a feed, such as GTINs (rule <c>value.unique</c>).</summary>
    public IReadOnlyList<string> Unique { get; set; } = [];

    /// <summary>Declared checks: required per channel and locale, patterns, lengths, ranges and expressions.</summary>
    public IReadOnlyList<CheckOptions> Checks { get; set; } = [];

    /// <summary>Severity overrides by rule id, such as <c>{"gtin.check-digit": "warning"}</c>.</summary>
    public IReadOnlyDictionary<string, Severity> Severity { get; set; } = new Dictionary<string, Severity>();
}
