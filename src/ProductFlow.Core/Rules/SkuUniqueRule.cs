using ProductFlow.Mapping;
using ProductFlow.Model;

namespace ProductFlow.Rules;

/// <summary>Rule <c>sku.unique</c>: a SKU appears once per feed; later occurrences are rejected, the first is kept.</summary>
/// <remarks>
/// Keeps a 64-bit hash and the first line per SKU, not the SKU strings, so a 1M-row feed costs ~40 MB here,
/// not a million strings. Two distinct SKUs colliding on 64 bits is ~3e-8 likely at 1M rows.
/// </remarks>
internal sealed class SkuUniqueRule : IRule
{
    private readonly Dictionary<ulong, long> _firstLine = [];

    public void Apply(MappedRecord record, RuleContext context)
    {
        var sku = record.Record.Sku;
        if (sku.Length == 0)
        {
            return;
        }

        if (_firstLine.TryAdd(KeyHash.Of(sku), record.Record.Line))
        {
            return;
        }

        var first = _firstLine[KeyHash.Of(sku)];
        context.Report(record, RuleIds.SkuUnique, Severity.Error, $"SKU '{sku}' appears more than once in the feed (first at line {first})", field: "sku");
    }
}
