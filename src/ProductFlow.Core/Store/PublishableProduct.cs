using ProductFlow.Model;

namespace ProductFlow.Store;

/// <summary>A product that channels may publish (current, enabled, not removed), with the channels an error keeps it off.</summary>
/// <remarks><see cref="Blocked"/> is the stored <c>blocked</c> column as it is (<c>|web|partner|</c>, empty for none): most products have none, so nothing is parsed.</remarks>
public sealed record PublishableProduct(ProductRecord Record, string Blocked)
{
    /// <summary>Whether an error keeps the product off <paramref name="channel"/>.</summary>
    public bool IsBlockedOn(string channel) => Blocked.Length > 0 && Blocked.Contains(StoredProduct.BlockedToken(channel), StringComparison.Ordinal);
}
