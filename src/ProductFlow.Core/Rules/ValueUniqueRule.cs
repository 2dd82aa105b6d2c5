using ProductFlow.Collections;
using ProductFlow.Mapping;
using ProductFlow.Model;
using ProductFlow.Primitives;

namespace ProductFlow.Rules;

/// <summary>Rule <c>value.unique</c>: a value of these attributes (a GTIN, say) belongs to one SKU only within a feed.</summary>
/// <remarks>
/// Keeps hashes and the first line, not strings: per distinct value its 64-bit hash, 32 bits of its first SKU's hash and that
/// SKU's line, 16 bytes a slot in a <see cref="KeyMap{TValue}"/> (~23 bytes per value). The SKU's 32 bits only tell a row of
/// the same SKU (a repeated row, <c>sku.unique</c>'s business) from another SKU: one other SKU in 4 billion would pass as the same.
/// </remarks>
internal sealed class ValueUniqueRule(IReadOnlyList<string> attributes) : IRule
{
    private readonly KeyMap<Owner> _owners = new();
    private readonly SlotTable<bool> _checked = new(slot => attributes.Contains(slot.Attribute));

    public void Apply(MappedRecord record, RuleContext context)
    {
        var sku = (uint)KeyHash.Of(record.Record.Sku);
        foreach (ref readonly var value in record.Record.Values.Cells)
        {
            if (value.Data.Length == 0 || !_checked[value.Slot])
            {
                continue;
            }

            if (_owners.TryAdd(KeyHash.Of(value.Attribute, value.Data), new Owner(sku, LineNumbers.Compact(record.Record.Line)), out var owner) || owner.Sku == sku)
            {
                continue;
            }

            context.Report(record, RuleIds.ValueUnique, Severity.Error, $"{value.Attribute} '{Quoted.Text(value.Data)}' already belongs to another SKU (line {owner.Line})", value: value.ToValue());
        }
    }

    /// <summary>The SKU that has a value first (32 bits of its hash), and its line.</summary>
    private readonly record struct Owner(uint Sku, uint Line);
}
