namespace ProductFlow.Store;

/// <summary>The stored list of the sources that carry a product: <c>|erp|supplier|</c> (empty when none does, e.g. removed).</summary>
/// <remarks>
/// Every store keeps it in a <c>sources</c> column beside the product. A source joins the list when its run upserts the
/// SKU and leaves it when its full run no longer carries it; a product carried by one source only is merged by
/// replacement, as it always was, so only products with several sources pay for <see cref="SourceMerge"/>.
/// </remarks>
public static class SourceList
{
    /// <summary>The list with <paramref name="source"/> alone, and the token a store searches for.</summary>
    public static string Of(string source) => "|" + source + "|";

    public static bool Contains(string sources, string source) =>
        (sources ?? "").Contains(Of(source), StringComparison.Ordinal);

    /// <summary>Whether a source other than <paramref name="source"/> carries the product.</summary>
    public static bool HasOthers(string sources, string source) =>
        !string.IsNullOrEmpty(sources) && !string.Equals(sources, Of(source), StringComparison.Ordinal);

    public static string With(string sources, string source) =>
        string.IsNullOrEmpty(sources) ? Of(source) : Contains(sources, source) ? sources : sources + source + "|";

    public static string Without(string sources, string source)
    {
        var rest = (sources ?? "").Replace(Of(source), "|", StringComparison.Ordinal);
        return rest == "|" ? "" : rest;
    }
}
