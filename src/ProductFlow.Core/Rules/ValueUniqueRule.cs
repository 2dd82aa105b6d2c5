using ProductFlow.Mapping;
using ProductFlow.Model;

namespace ProductFlow.Rules;

/// <summary>Rule <c>value.unique</c>: a value of these attributes (a GTIN, say) belongs to one SKU only within a feed.</summary>
/// <remarks>Keeps 64-bit hashes of value, SKU and the first line, not strings: ~40 bytes per distinct value.</remarks>
internal sealed class ValueUniqueRule(IReadOnlyList<string> attributes) : IRule
{
    private readonly Dictionary<ulong, (ulong Sku, long Line)> _owners = [];

    public void Apply(MappedRecord record, RuleContext context)
    {
        var sku = KeyHash.Of(record.Record.Sku);
        foreach (var value in record.Record.Values)
        {
            if (value.Data.Length == 0 || !attributes.Contains(value.Attribute))
            {
                continue;
            }

            var key = KeyHash.Of(value.Attribute + "\u001f" + value.Data);
            if (_owners.TryAdd(key, (sku, record.Record.Line)) || _owners[key].Sku == sku)
            {
                continue;
            }

            context.Report(record, RuleIds.ValueUnique, Severity.Error, $"{value.Attribute} '{value.Data}' already belongs to another SKU (line {_owners[key].Line})", value: value);
        }
    }
}
