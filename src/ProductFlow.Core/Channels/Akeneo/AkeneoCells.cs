using System.Globalization;
using ProductFlow.Catalog;
using ProductFlow.Model;

namespace ProductFlow.Channels.Akeneo;

/// <summary>A record as the cells of Akeneo's flat CSV: column name -> text, by Akeneo's own naming (the reader's, in reverse).</summary>
/// <remarks>
/// Products: <c>sku</c>, <c>family</c>, <c>parent</c>, <c>groups</c>, <c>categories</c>, <c>enabled</c> (<c>1</c>/<c>0</c>); product models:
/// <c>code</c>, <c>family_variant</c>, <c>parent</c>, <c>categories</c>. Then a cell per value, <c>code[-locale][-channel][-CURRENCY]</c>, with
/// <c>-unit</c> beside a value of an attribute with a unit (the catalog's, in which values are stored), booleans as <c>1</c>/<c>0</c>; and per
/// association type <c>TYPE-products</c>, <c>TYPE-product_models</c>, <c>TYPE-groups</c> (codes joined by <c>,</c>), with <c>TYPE-products-quantity</c>
/// (quantities joined by <c>|</c>) for quantified ones. Empty cells are left out: a writer fills the columns it has no cell for with nothing.
/// </remarks>
public static class AkeneoCells
{
    /// <summary>The leading columns of a product export, in order.</summary>
    public static readonly IReadOnlyList<string> ProductColumns = ["sku", "family", "parent", "groups", "categories", "enabled"];

    /// <summary>The leading columns of a product model export, in order.</summary>
    public static readonly IReadOnlyList<string> ModelColumns = ["code", "family_variant", "parent", "categories"];

    public static List<KeyValuePair<string, string>> Of(ProductRecord record, ProductCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(catalog);
        var cells = new List<KeyValuePair<string, string>>();
        void Add(string column, string? text)
        {
            if (!string.IsNullOrEmpty(text))
            {
                cells.Add(new(column, text));
            }
        }

        if (record.IsModel)
        {
            Add("code", record.Sku);
            Add("family_variant", record.FamilyVariant);
        }
        else
        {
            Add("sku", record.Sku);
            Add("family", record.Family);
            Add("groups", string.Join(',', record.Groups));
            Add("enabled", record.Enabled ? "1" : "0");
        }

        Add("parent", record.Parent);
        Add("categories", string.Join(',', record.Categories));
        foreach (var value in record.Values.Cells)
        {
            var attribute = catalog.FindAttribute(value.Attribute);
            var name = string.Join('-', new[] { value.Attribute, value.Locale, value.Channel, value.Currency }.Where(p => p is not null));
            Add(name, attribute?.Type == AttributeType.Boolean ? value.Data switch { "true" => "1", "false" => "0", _ => value.Data } : value.Data);
            if (attribute?.Unit is { } unit && value.Currency is null)
            {
                Add(name + "-unit", unit);
            }
        }

        foreach (var type in record.Associations.GroupBy(a => a.Type, StringComparer.Ordinal))
        {
            foreach (var (target, suffix) in new[] { (AssociationTarget.Product, "products"), (AssociationTarget.ProductModel, "product_models"), (AssociationTarget.Group, "groups") })
            {
                var links = type.Where(a => a.Target == target).OrderBy(a => a.Code, StringComparer.Ordinal).ToList();
                Add($"{type.Key}-{suffix}", string.Join(',', links.Select(a => a.Code)));
                if (links.Exists(a => a.Quantity is not null))
                {
                    Add($"{type.Key}-{suffix}-quantity", string.Join('|', links.Select(a => (a.Quantity ?? 1).ToString(CultureInfo.InvariantCulture))));
                }
            }
        }

        return cells;
    }
}
