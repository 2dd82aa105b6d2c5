using System.Text.Json.Serialization;

namespace ProductFlow.Pipelines;

/// <summary>One enricher of a pipeline (<c>enrich[]</c>): it changes or adds values, and every value it touches records it as origin.</summary>
/// <remarks>
/// Kinds: <c>default</c> (<see cref="Value"/> when the attribute has none in the scope), <c>normalize</c>
/// (<see cref="Whitespace"/>, <see cref="Unicode"/>, <see cref="Case"/> on <see cref="Attributes"/>),
/// <c>template</c> (a Liquid <see cref="Template"/> rendered into <see cref="Attribute"/>), <c>categoryMap</c>
/// (the first of the record's categories found in <see cref="Map"/> gives <see cref="Attribute"/>).
/// Enrichers run after values are checked against their types and before the other rules, in the order written.
/// </remarks>
public sealed class EnrichOptions
{
    public required string Kind { get; init; }

    /// <summary>The rule id recorded as the origin of the values it sets; default: the kind.</summary>
    public string? Id { get; init; }

    public string? Attribute { get; init; }

    public IReadOnlyList<string> Attributes { get; set; } = [];

    public string? Locale { get; init; }

    public string? Channel { get; init; }

    public string? Value { get; init; }

    /// <summary>For <c>normalize</c>: trim, and collapse runs of spaces and tabs to one space (line breaks are kept). Default true.</summary>
    public bool Whitespace { get; set; } = true;

    /// <summary>For <c>normalize</c>: <c>NFC</c> (default), <c>NFKC</c> or <c>none</c>.</summary>
    public string Unicode { get; set; } = "NFC";

    /// <summary>For <c>normalize</c>: <c>none</c> (default), <c>lower</c>, <c>upper</c> or <c>title</c>.</summary>
    public string Case { get; set; } = "none";

    public string? Template { get; init; }

    public IReadOnlyDictionary<string, string> Map { get; set; } = new Dictionary<string, string>();

    /// <summary>How many values the enricher may add to a record: one for the kinds that set <see cref="Attribute"/>, none for <c>normalize</c>, which changes values in place.</summary>
    [JsonIgnore]
    public int ValuesAdded => Kind is "default" or "template" or "categoryMap" ? 1 : 0;
}
