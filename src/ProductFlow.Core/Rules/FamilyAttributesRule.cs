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
    // Per family, whether a slot's attribute is one of the family's (null: no such family); the last family's kept at hand.
    private readonly Dictionary<string, SlotTable<bool>?> _families = new(StringComparer.Ordinal);
    private (string? Code, SlotTable<bool>? Attributes) _last;

    public void Apply(MappedRecord record, RuleContext context)
    {
        var product = record.Record;
        if (product.Family is not { } code || Attributes(code) is not { } attributes)
        {
            return;
        }

        HashSet<string>? reported = null;
        foreach (ref readonly var value in product.Values.Cells)
        {
            if (!attributes[value.Slot] && (reported ??= new(StringComparer.Ordinal)).Add(value.Attribute))
            {
                context.Report(record, RuleIds.AttributeNotInFamily, Severity.Warning,
                    $"attribute '{value.Attribute}' is not an attribute of family '{code}': add it to the family in the catalog, or map the column elsewhere", value: value.ToValue());
            }
        }
    }

    private SlotTable<bool>? Attributes(string family)
    {
        if (ReferenceEquals(family, _last.Code))
        {
            return _last.Attributes;
        }

        if (!_families.TryGetValue(family, out var attributes))
        {
            if (catalog.FindFamily(family) is { } definition)
            {
                var codes = new HashSet<string>(definition.Attributes, StringComparer.Ordinal);
                attributes = new SlotTable<bool>(slot => codes.Contains(slot.Attribute));
            }

            _families[family] = attributes;
        }

        _last = (family, attributes);
        return attributes;
    }
}
