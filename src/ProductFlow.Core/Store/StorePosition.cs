namespace ProductFlow.Store;

/// <summary>Where a store's changes stand: the sequence of its latest committed change of a product, and that change (SKU, version, content hash).</summary>
/// <remarks>
/// Every change a channel can see (a new version, a removal, a product blocked or unblocked on a channel, checked for another channel)
/// takes a new sequence, greater than every one before it, in commit order: while the position stays the same, so does what
/// <see cref="IProductStore.ReadPublishableAsync"/> gives. The latest change tells two stores at the same sequence apart (a copy of a store
/// that went its own way, another store publishing to the same exports).
/// </remarks>
/// <param name="Sequence">The latest change's <see cref="ProductChange.Sequence"/>; 0 when the store has no product.</param>
/// <param name="Latest">The latest change as <c>&lt;sku&gt; v&lt;version&gt; &lt;hash&gt;</c> (the hash's first 16 hex digits); empty when the store has no product.</param>
public readonly record struct StorePosition(long Sequence, string Latest)
{
    public static readonly StorePosition Empty = new(0, "");

    /// <summary>The position of a store whose latest change is <paramref name="sku"/>'s <paramref name="version"/>, with content hash <paramref name="hash"/>.</summary>
    public static StorePosition Of(long sequence, string sku, int version, ReadOnlySpan<byte> hash) =>
        new(sequence, $"{sku} v{version} {Convert.ToHexStringLower(hash[..Math.Min(8, hash.Length)])}");
}
