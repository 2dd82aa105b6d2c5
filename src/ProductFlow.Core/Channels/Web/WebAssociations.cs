using System.Text.Json;
using ProductFlow.Json;
using ProductFlow.Model;

namespace ProductFlow.Channels.Web;

/// <summary>A <c>web-json</c> product's associations: schema.org <c>isRelatedTo</c> / <c>isSimilarTo</c> by type, and all of them under <c>associations</c>.</summary>
/// <remarks>
/// The products and product models of a type go to the schema.org property the channel's <c>web.associations</c> maps the type to
/// (<see cref="Defaults"/> below it); every association, with quantities and groups, goes to the documented <c>associations</c> object,
/// by type (<c>schemas/channels/web-product.schema.json</c>).
/// </remarks>
internal sealed class WebAssociations(IReadOnlyDictionary<string, string>? overrides)
{
    /// <summary>The association types listed in a schema.org property by default.</summary>
    public static readonly IReadOnlyDictionary<string, string> Defaults = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["X_SELL"] = "isRelatedTo", ["UPSELL"] = "isSimilarTo",
    };

    private readonly FieldMap _types = new(Defaults, overrides);

    /// <summary>The record's associations: products and models of mapped types under <c>isRelatedTo</c> / <c>isSimilarTo</c>, and all of them, by type, under <c>associations</c>.</summary>
    public void Write(Utf8JsonWriter json, ProductRecord record)
    {
        if (record.Associations.Count == 0)
        {
            return;
        }

        var sorted = record.Associations.Order(Comparer<ProductAssociation>.Create(ProductAssociation.Order)).ToList();
        foreach (var property in new[] { "isRelatedTo", "isSimilarTo" })
        {
            var related = sorted.Where(a => a.Target != AssociationTarget.Group && _types[a.Type] == property).ToList();
            if (related.Count == 0)
            {
                continue;
            }

            json.WriteStartArray(property);
            foreach (var association in related)
            {
                json.WriteStartObject();
                json.WriteString("@type", association.Target == AssociationTarget.Product ? "Product" : "ProductGroup");
                json.WriteString(association.Target == AssociationTarget.Product ? "sku" : "productGroupID", association.Code);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteStartObject("associations");
        foreach (var type in sorted.GroupBy(a => a.Type, StringComparer.Ordinal))
        {
            json.WriteStartObject(type.Key);
            foreach (var (target, name) in new[] { (AssociationTarget.Product, "products"), (AssociationTarget.ProductModel, "productModels") })
            {
                if (type.Any(a => a.Target == target))
                {
                    json.WriteStartArray(name);
                    foreach (var association in type.Where(a => a.Target == target))
                    {
                        json.WriteStartObject();
                        json.WriteString("code", association.Code);
                        if (association.Quantity is { } quantity)
                        {
                            json.WriteNumber("quantity", quantity);
                        }

                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                }
            }

            if (type.Any(a => a.Target == AssociationTarget.Group))
            {
                json.WriteStrings("groups", type.Where(a => a.Target == AssociationTarget.Group).Select(a => a.Code));
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }
}
