using System.Globalization;
using System.Text;

namespace ProductFlow.Model;

/// <summary>One link of a product (or product model) to another product, product model or group, by association type (Akeneo's <c>X_SELL</c>, <c>UPSELL</c>, <c>PACK</c>...).</summary>
/// <remarks>
/// <see cref="Quantity"/> is set for a quantified association (Akeneo's <c>PACK-products-quantity</c>): how many of the target the
/// pack holds. Associations are content (they change the content hash), kept in canonical order (<see cref="Order"/>).
/// </remarks>
public sealed record ProductAssociation(string Type, AssociationTarget Target, string Code)
{
    public int? Quantity { get; init; }

    /// <summary>The canonical order: by type, target kind, then code (ordinal).</summary>
    public static int Order(ProductAssociation a, ProductAssociation b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var c = string.CompareOrdinal(a.Type, b.Type);
        c = c != 0 ? c : a.Target.CompareTo(b.Target);
        return c != 0 ? c : string.CompareOrdinal(a.Code, b.Code);
    }

    /// <summary>The associations as one canonical text (<c>PACK:product:A*2,X_SELL:group:promo</c>): what a channel compares between versions.</summary>
    public static string? Text(IEnumerable<ProductAssociation> associations)
    {
        ArgumentNullException.ThrowIfNull(associations);
        if (associations is ICollection<ProductAssociation> { Count: 0 })
        {
            return null;
        }

        var text = new StringBuilder();
        foreach (var association in associations.Order(Comparer<ProductAssociation>.Create(Order)))
        {
            text.Append(text.Length == 0 ? "" : ",").Append(association.Type).Append(':').Append(TargetName(association.Target)).Append(':').Append(association.Code);
            if (association.Quantity is { } quantity)
            {
                text.Append('*').Append(quantity.ToString(CultureInfo.InvariantCulture));
            }
        }

        return text.Length == 0 ? null : text.ToString();
    }

    /// <summary>The target's name in stored documents and channel files: <c>product</c>, <c>product_model</c> or <c>group</c>.</summary>
    public static string TargetName(AssociationTarget target) => target switch
    {
        AssociationTarget.Product => "product",
        AssociationTarget.ProductModel => "product_model",
        _ => "group",
    };

    /// <summary>The target of a stored name, or <c>null</c>.</summary>
    public static AssociationTarget? ParseTarget(string? name) => name switch
    {
        "product" => AssociationTarget.Product,
        "product_model" => AssociationTarget.ProductModel,
        "group" => AssociationTarget.Group,
        _ => null,
    };
}

/// <summary>What an association links to.</summary>
public enum AssociationTarget
{
    Product,
    ProductModel,
    Group,
}
