namespace ProductFlow.Pipelines;

/// <summary>One transformation step of a field's mapping (<c>transform[]</c>): it changes the cell's text before the text becomes a value.</summary>
/// <remarks>
/// Kinds: <c>trim</c> (white space at both ends), <c>replace</c> (<see cref="Find"/> as literal text, or <see cref="Regex"/>,
/// by <see cref="With"/>), <c>split</c> (on <see cref="Separator"/>, parts trimmed and empty ones dropped, joined by
/// <see cref="Join"/> or one part kept by <see cref="Index"/>), <c>upper</c>, <c>lower</c>, <c>title</c> (in the column's
/// or the source's culture, else invariant), <c>prefix</c> and <c>suffix</c> (<see cref="Value"/>). Steps run in the
/// order written; a value a step changes records <see cref="Id"/> (default <c>mapping.&lt;kind&gt;</c>) in its lineage.
/// </remarks>
public sealed class TransformOptions
{
    public required string Kind { get; init; }

    /// <summary>The rule id recorded in the lineage of a value this step changes; default <c>mapping.&lt;kind&gt;</c>.</summary>
    public string? Id { get; init; }

    /// <summary>For <c>replace</c>: the literal text to find.</summary>
    public string? Find { get; init; }

    /// <summary>For <c>replace</c>: a regular expression to find (.NET syntax, culture-invariant, with a timeout); <see cref="With"/> may use its groups (<c>$1</c>).</summary>
    public string? Regex { get; init; }

    /// <summary>For <c>replace</c>: the replacement. Default empty (the text found is removed).</summary>
    public string With { get; set; } = "";

    /// <summary>For <c>replace</c>: match without regard to case. Default false.</summary>
    public bool IgnoreCase { get; set; }

    /// <summary>For <c>split</c>: the literal text the cell is split on.</summary>
    public string? Separator { get; init; }

    /// <summary>For <c>split</c>: what joins the parts again; default <c>,</c> (the separator of multi-select codes).</summary>
    public string? Join { get; init; }

    /// <summary>For <c>split</c>: keep this part alone, 0 the first, -1 the last; a part past the end gives no value.</summary>
    public int? Index { get; init; }

    /// <summary>For <c>prefix</c> and <c>suffix</c>: the text added.</summary>
    public string? Value { get; init; }
}
