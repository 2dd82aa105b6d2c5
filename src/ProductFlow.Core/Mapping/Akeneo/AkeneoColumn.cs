using ProductFlow.Catalog;
using ProductFlow.Connectors;
using ProductFlow.Connectors.Akeneo;
using ProductFlow.Model;

namespace ProductFlow.Mapping.Akeneo;

/// <summary>What one column of an Akeneo product export holds, read from its name with the catalog.</summary>
/// <remarks>
/// Akeneo names attribute columns <c>code</c>, <c>code-&lt;locale&gt;</c>, <c>code-&lt;channel&gt;</c>,
/// <c>code-&lt;locale&gt;-&lt;channel&gt;</c>, then <c>-&lt;CURRENCY&gt;</c> for a price and <c>-unit</c> for a metric's unit; association
/// columns are <c>TYPE-products</c>, <c>TYPE-product_models</c>, <c>TYPE-groups</c> and, for quantified types, <c>TYPE-products-quantity</c>.
/// Attribute codes have no <c>-</c>, and the catalog says which attributes are localizable and scopable, so the name
/// parses without guessing. A column that does not parse is <see cref="AkeneoField.Unknown"/> with the reason.
/// </remarks>
internal sealed record AkeneoColumn(AkeneoField Field, string Name)
{
    public AttributeDefinition? Attribute { get; init; }

    public string? Locale { get; init; }

    public string? Scope { get; init; }

    public string? Currency { get; init; }

    public string? Reason { get; init; }

    /// <summary>The association type of an association column (<c>X_SELL</c> of <c>X_SELL-products</c>).</summary>
    public string? AssociationType { get; init; }

    public AssociationTarget Target { get; init; }

    public static AkeneoColumn Parse(string name, ProductCatalog catalog)
    {
        var trimmed = name.Trim();
        switch (trimmed)
        {
            case "sku": return new(AkeneoField.Sku, name);
            case "code": return new(AkeneoField.Code, name);
            case "family_variant": return new(AkeneoField.FamilyVariant, name);
            case "family": return new(AkeneoField.Family, name);
            case "parent": return new(AkeneoField.Parent, name);
            case "categories": return new(AkeneoField.Categories, name);
            case "enabled": return new(AkeneoField.Enabled, name);
            case "groups": return new(AkeneoField.Groups, name);
        }

        var parts = trimmed.Split('-');
        if (catalog.FindAttribute(parts[0]) is null && Association(parts) is { } association)
        {
            return association with { Name = name };
        }

        if (catalog.FindAttribute(parts[0]) is not { } attribute)
        {
            return Unknown(name, $"'{parts[0]}' is not an attribute of the catalog");
        }

        var next = 1;
        string? Take() => next < parts.Length ? parts[next++] : null;
        string? locale = null, scope = null, currency = null;
        if (attribute.Localizable && ((locale = Take()) is null || !catalog.Locales.Contains(locale)))
        {
            return Unknown(name, $"attribute '{attribute.Code}' is localizable: the column must name one of the catalog's locales");
        }

        if (attribute.Scopable && ((scope = Take()) is null || !catalog.IsScope(scope)))
        {
            return Unknown(name, $"attribute '{attribute.Code}' is scopable: the column must name one of the catalog's channels or scopes");
        }

        if (next == parts.Length - 1 && parts[next] == "unit")
        {
            return new(AkeneoField.Unit, name) { Attribute = attribute, Locale = locale, Scope = scope };
        }

        if (attribute.Type == AttributeType.Price && ((currency = Take()) is null || !catalog.Currencies.Contains(currency)))
        {
            return Unknown(name, $"attribute '{attribute.Code}' is a price: the column must name one of the catalog's currencies");
        }

        return next == parts.Length
            ? new(AkeneoField.Value, name) { Attribute = attribute, Locale = locale, Scope = scope, Currency = currency }
            : Unknown(name, $"'{string.Join('-', parts[next..])}' is not a locale, channel or currency that attribute '{attribute.Code}' takes");
    }

    /// <summary>An association column: <c>TYPE-products</c>, <c>TYPE-product_models</c>, <c>TYPE-groups</c>, and the quantities of a
    /// quantified type, <c>TYPE-products-quantity</c> and <c>TYPE-product_models-quantity</c>; <c>null</c> for any other name.</summary>
    private static AkeneoColumn? Association(string[] parts)
    {
        AssociationTarget? target = parts.Length is 2 or 3 && parts[0].Length > 0 ? parts[1] switch
        {
            "products" => AssociationTarget.Product,
            "product_models" => AssociationTarget.ProductModel,
            "groups" when parts.Length == 2 => AssociationTarget.Group,
            _ => null,
        } : null;
        if (target is null || (parts.Length == 3 && parts[2] != "quantity"))
        {
            return null;
        }

        return new(parts.Length == 3 ? AkeneoField.AssociationQuantity : AkeneoField.Association, "") { AssociationType = parts[0], Target = target.Value };
    }

    private static AkeneoColumn Unknown(string name, string reason) => new(AkeneoField.Unknown, name) { Reason = reason };
}

/// <summary>The kinds of column of an Akeneo product export.</summary>
internal enum AkeneoField
{
    Unknown,
    Sku,
    Code,
    FamilyVariant,
    Family,
    Parent,
    Categories,
    Enabled,
    Groups,
    Value,
    Unit,
    Association,
    AssociationQuantity,
}
