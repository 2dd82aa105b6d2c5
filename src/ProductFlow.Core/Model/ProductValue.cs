
namespace ProductFlow.Model;

/// <summary>One value of an attribute, in its scope.</summary>
/// <remarks>
/// A value is keyed by <see cref="Attribute"/>, <see cref="Locale"/>, <see cref="Channel"/> and, for
/// prices, <see cref="Currency"/>. A metric value carries its <see cref="Unit"/>. <see cref="Data"/> is the canonical text: numbers in invariant
/// form (<c>12.5</c>), booleans <c>true</c>/<c>false</c>, options by code, multi-selects as codes
/// joined by <c>,</c>. The origin is lineage, not content: it is not part of the content hash.
/// </remarks>
public sealed record ProductValue(string Attribute, string? Locale, string? Channel, string Data, ValueOrigin Origin)
{
    public string? Currency { get; init; }

    /// <summary>The unit of a metric value (<c>kg</c>, <c>cm</c>, ...); stored values are in the attribute's unit.</summary>
    public string? Unit { get; init; }
}
