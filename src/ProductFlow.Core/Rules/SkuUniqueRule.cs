using ProductFlow.Mapping;
using ProductFlow.Model;

namespace ProductFlow.Rules;

/// <summary>Rule <c>sku.unique</c>: a SKU appears once per feed; later occurrences are rejected, the first is kept.</summary>
/// <remarks>
/// SKUs are case-sensitive in ProductFlow (the store keys them byte-for-byte), but Akeneo and many shops treat
/// <c>A238B</c> and <c>A238b</c> as one product: a SKU that differs from an earlier one only in case is reported as
/// <c>sku.case</c> (a warning by default; <c>rules.severity</c> can make it an error), and both records are kept.
/// The case check costs a second hash table of the same size.
/// Keeps a 64-bit hash and the first line per SKU, not the SKU strings, so a 1M-row feed costs ~40 MB here,
/// not a million strings. Two distinct SKUs colliding on 64 bits is ~3e-8 likely at 1M rows.
/// </remarks>
internal sealed class SkuUniqueRule : IRule
{
    private readonly Dictionary<ulong, long> _firstLine = [];
    private readonly Dictionary<ulong, long> _firstFolded = [];

    public void Apply(MappedRecord record, RuleContext context)
    {
        var sku = record.Record.Sku;
        if (sku.Length == 0)
        {
            return;
        }

        var key = KeyHash.Of(sku);
        if (_firstLine.TryAdd(key, record.Record.Line))
        {
            var folded = KeyHash.OfUpperInvariant(sku);
            if (!_firstFolded.TryAdd(folded, record.Record.Line))
            {
                context.Report(
                    record, RuleIds.SkuCase, Severity.Warning,
                    $"SKU '{sku}' differs only in case from the SKU at line {_firstFolded[folded]} (one product for Akeneo and case-insensitive systems)",
                    field: "sku");
            }

            return;
        }

        var first = _firstLine[key];
        context.Report(record, RuleIds.SkuUnique, Severity.Error, $"SKU '{sku}' appears more than once in the feed (first at line {first})", field: "sku");
    }
}
