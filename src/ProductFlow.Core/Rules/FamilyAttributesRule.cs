using ProductFlow.Catalog;
using ProductFlow.Mapping;
using ProductFlow.Model;

namespace ProductFlow.Rules;

/// <summary>Rule <c>attribute.not-in-family</c>: a warning for a value of an attribute the record's family does not have, once per attribute.</summary>
/// <remarks>
/// The value is kept (a warning): the mapping may be right and the family incomplete. A record without a family, or with one the
/// catalog does not define, is not checked. It runs before inheritance and enrichers, so it speaks of the feed's own values.
/// </remarks>
internal sealed class FamilyAttributesRule(ProductCatalog catalog) : IRule
{
    private readonly Dictionary<string, HashSet<string>?> _families = new(StringComparer.Ordinal);

    public void Apply(MappedRecord record, RuleContext context)
    {
        var product = record.Record;
        if (product.Family is not { } code || Attributes(code) is not { } attributes)
        {
            return;
        }

        HashSet<string>? reported = null;
        foreach (var value in product.Values)
        {
            if (!attributes.Contains(value.Attribute) && (reported ??= new(StringComparer.Ordinal)).Add(value.Attribute))
            {
                context.Report(record, RuleIds.AttributeNotInFamily, Severity.Warning,
                    $"attribute '{value.Attribute}' is not an attribute of family '{code}': add it to the family in the catalog, or map the column elsewhere", value: value);
            }
        }
    }

    private HashSet<string>? Attributes(string family)
    {
        if (!_families.TryGetValue(family, out var attributes))
        {
            attributes = catalog.FindFamily(family) is { } definition ? new HashSet<string>(definition.Attributes, StringComparer.Ordinal) : null;
            _families[family] = attributes;
        }

        return attributes;
    }
}
