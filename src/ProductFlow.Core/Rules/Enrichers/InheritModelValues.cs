using ProductFlow.Catalog;
using ProductFlow.Mapping;
using ProductFlow.Model;

namespace ProductFlow.Rules.Enrichers;

/// <summary>Inheritance on flat supplier rows: a variant without a value of a model-level attribute takes the value of its model's first row.</summary>
/// <remarks>
/// Model-level attributes are those of the family at no level of its family variant: they describe the model, so
/// suppliers often fill them on a model's first row only. Rows of a model come together (the variant rules warn when
/// not), so only the current model's values are held. An inherited value keeps the first row's cell in its lineage
/// and adds rule <c>inherit</c>; a value the variant has itself always wins.
/// </remarks>
internal sealed class InheritModelValues(ProductCatalog catalog) : IRule
{
    public const string Rule = "inherit";

    private readonly Dictionary<string, HashSet<string>?> _variantLevel = new(StringComparer.Ordinal);
    private string? _model;
    private List<ProductValue> _modelValues = [];

    public void Apply(MappedRecord record, RuleContext context)
    {
        var product = record.Record;
        if (product.Parent is not { } parent || product.Family is null || VariantLevel(product.Family) is not { } variantLevel)
        {
            return;
        }

        if (!string.Equals(parent, _model, StringComparison.Ordinal))
        {
            _model = parent;
            _modelValues = product.Values.Where(v => !variantLevel.Contains(v.Attribute) && !string.IsNullOrWhiteSpace(v.Data)).ToList();
            return;
        }

        var values = product.Values;
        foreach (var inherited in _modelValues)
        {
            var own = IndexOf(values, inherited);
            if (own >= 0 && !string.IsNullOrWhiteSpace(values[own].Data))
            {
                continue;
            }

            var value = inherited with { Origin = inherited.Origin.ChangedBy(Rule) };
            if (own >= 0)
            {
                values[own] = value; // a blank of the variant's own gives way to the model's value
            }
            else
            {
                values.Add(value);
            }
        }
    }

    private static int IndexOf(IList<ProductValue> values, ProductValue key)
    {
        for (var i = 0; i < values.Count; i++)
        {
            var v = values[i];
            if (v.Attribute == key.Attribute && v.Locale == key.Locale && v.Channel == key.Channel && v.Currency == key.Currency)
            {
                return i;
            }
        }

        return -1;
    }

    private HashSet<string>? VariantLevel(string family)
    {
        if (!_variantLevel.TryGetValue(family, out var attributes))
        {
            attributes = catalog.FindFamilyVariant(family)?.VariantAttributes.ToHashSet(StringComparer.Ordinal);
            _variantLevel[family] = attributes;
        }

        return attributes;
    }
}
