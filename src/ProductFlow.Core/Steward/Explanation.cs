using ProductFlow.Catalog;
using ProductFlow.Model;
using ProductFlow.Publishing;
using ProductFlow.Store;

namespace ProductFlow.Steward;

/// <summary>What <c>explain</c> and the console's product page say of a SKU: its stored values with origins, each channel's verdict with the reasons behind it, its completeness, and the row a run rejected, if any.</summary>
/// <remarks>
/// With a catalog, every channel of it gets a verdict: a channel whose rules never ran for the record (no run of a pipeline that feeds
/// it carried the SKU) does not publish it, nor does a channel whose <c>filter</c> does not hold. Without one, the channels the record
/// was checked for. A SKU the store does not hold but a run quarantined is explained by that run's issues.
/// </remarks>
public sealed record Explanation(
    StoredProduct? Product,
    QuarantinedRow? Quarantined,
    IReadOnlyList<(ProductValue Value, ValueOrigin? Origin)> Values,
    IReadOnlyList<ChannelVerdict> Channels,
    IReadOnlyList<CompletenessScore> Completeness)
{
    public const string UncheckedRule = "unchecked";
    public const string FilterRule = "filter";

    public static Explanation Of(StoredProduct? product, QuarantinedRow? quarantined, ProductCatalog? catalog, string? channel, string? locale)
    {
        var known = catalog?.Channels.Select(c => c.Code) ?? [];
        var checkedFor = product?.Record.Notes.Channels ?? [];
        var codes = known.Concat(checkedFor).Distinct(StringComparer.Ordinal).Where(c => channel is null || c == channel).ToList();
        if (product is null)
        {
            var rejecting = quarantined?.Rejecting ?? [];
            return new Explanation(null, quarantined, [], codes.Select(c => new ChannelVerdict(c, false, false, rejecting)).ToList(), []);
        }

        var record = product.Record;
        var origins = VersionDiff.ReadLineage(product.Lineage);
        var values = record.Values
            .Select((value, i) => (Value: value, Origin: i < origins.Count ? origins[i] : null))
            .Where(v => (locale is null || v.Value.Locale is null || v.Value.Locale == locale) && (channel is null || v.Value.Channel is null || v.Value.Channel == channel))
            .ToList();
        var verdicts = codes.Select(code => Verdict(product, catalog?.FindChannel(code), catalog, code)).ToList();
        var completeness = record.Notes.Completeness.Where(c => (channel is null || c.Channel == channel) && (locale is null || c.Locale == locale)).ToList();
        return new Explanation(product, quarantined, values, verdicts, completeness);
    }

    private static ChannelVerdict Verdict(StoredProduct product, ChannelDefinition? definition, ProductCatalog? catalog, string code)
    {
        var record = product.Record;
        if (!record.Notes.Channels.Contains(code))
        {
            return new ChannelVerdict(code, false, false,
                [new Issue(Severity.Error, UncheckedRule, $"its rules never ran for this record: no run of a pipeline that feeds '{code}' has carried it")]);
        }

        var blockedBy = record.Notes.Issues.Where(i => i.Channel == code && i.Severity == Severity.Error).ToList();
        if (definition is { Filter: { } filter } && !ChannelFilter.Admits(record, definition, catalog!))
        {
            blockedBy.Add(new Issue(Severity.Error, FilterRule, $"the channel's filter '{filter}' does not hold for this record"));
        }

        if (!record.Enabled)
        {
            blockedBy.Insert(0, new Issue(Severity.Error, "enabled", "the product is disabled"));
        }

        if (product.Removed)
        {
            blockedBy.Insert(0, new Issue(Severity.Error, "removed", "the product was removed by a full run of its source"));
        }

        return new ChannelVerdict(code, true, blockedBy.Count == 0 && !product.BlockedChannels.Contains(code), blockedBy);
    }
}
