using ProductFlow.Model;

namespace ProductFlow.Store;

/// <summary>One difference between consecutive versions of a product: a value (or a product field) added, changed or removed.</summary>
/// <remarks>
/// <see cref="Attribute"/> is an attribute code, or one of the product fields <c>parent</c>, <c>family</c>,
/// <c>categories</c>, <c>enabled</c>, <c>removed</c>. <see cref="Old"/> is null for an added value, <see cref="New"/> for a removed one.
/// <see cref="Origin"/> is where the new value came from (the version's lineage); null for removals and product fields.
/// </remarks>
public sealed record ValueChange(string Attribute, string? Locale, string? Channel, string? Currency, string? Old, string? New, ValueOrigin? Origin);
