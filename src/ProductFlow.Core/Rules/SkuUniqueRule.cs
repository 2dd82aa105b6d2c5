using ProductFlow.Collections;
using ProductFlow.Mapping;
using ProductFlow.Model;
using ProductFlow.Primitives;

namespace ProductFlow.Rules;

/// <summary>Rule <c>sku.unique</c>: a SKU appears once per feed; later occurrences are rejected, the first is kept.</summary>
/// <remarks>
/// SKUs are case-sensitive in ProductFlow (the store keys them byte-for-byte), but Akeneo and many shops treat
/// <c>A238B</c> and <c>A238b</c> as one product: a SKU that differs from an earlier one only in case is reported as
/// <c>sku.case</c> (a warning by default; <c>rules.severity</c> can make it an error), and both records are kept.
/// Keeps no SKU strings: per case-folded SKU, the 64-bit hash of the fold, 32 bits of the first spelling's hash and its
/// line, 16 bytes in a <see cref="KeyMap{TValue}"/> (~23 bytes a SKU, ~23 MB at 1M rows); the later spellings of a fold,
/// rare, with their full hash. Two distinct SKUs colliding on 64 bits is ~3e-8 likely at 1M rows; two spellings of one
/// fold on 32 bits, 2e-10 per pair of them.
/// </remarks>
internal sealed class SkuUniqueRule : IRule
{
    private readonly KeyMap<FirstSpelling> _folds = new();
    private readonly Dictionary<ulong, long> _laterSpellings = [];

    public void Apply(MappedRecord record, RuleContext context)
    {
        var sku = record.Record.Sku;
        if (sku.Length == 0)
        {
            return;
        }

        var key = KeyHash.Of(sku);
        var line = record.Record.Line;
        if (_folds.TryAdd(KeyHash.OfUpperInvariant(sku), new FirstSpelling((uint)key, LineNumbers.Compact(line)), out var first))
        {
            return;
        }

        long firstLine = first.Line;
        if (first.Key != (uint)key && !_laterSpellings.TryGetValue(key, out firstLine))
        {
            _laterSpellings[key] = line;
            context.Report(
                record, RuleIds.SkuCase, Severity.Warning,
                $"SKU '{sku}' differs only in case from the SKU at line {first.Line} (one product for Akeneo and case-insensitive systems)",
                field: "sku");
            return;
        }

        context.Report(record, RuleIds.SkuUnique, Severity.Error, $"SKU '{sku}' appears more than once in the feed (first at line {firstLine})", field: "sku");
    }

    /// <summary>The first SKU of a case-folded spelling: the low 32 bits of its own hash, and its line.</summary>
    private readonly record struct FirstSpelling(uint Key, uint Line);
}
