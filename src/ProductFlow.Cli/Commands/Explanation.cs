using ProductFlow.Model;
using ProductFlow.Store;

namespace ProductFlow.Cli.Commands;

/// <summary>What <c>explain</c> says of a stored product: its values with origins, each channel's verdict with the rules behind it, and its completeness per channel and locale.</summary>
internal sealed record Explanation(IReadOnlyList<(ProductValue Value, ValueOrigin? Origin)> Values, IReadOnlyList<ChannelVerdict> Channels, IReadOnlyList<CompletenessScore> Completeness)
{
    public static Explanation Of(StoredProduct product, string? channel, string? locale)
    {
        ArgumentNullException.ThrowIfNull(product);
        var record = product.Record;
        var origins = VersionDiff.ReadLineage(product.Lineage);
        var values = record.Values
            .Select((value, i) => (Value: value, Origin: i < origins.Count ? origins[i] : null))
            .Where(v => (locale is null || v.Value.Locale is null || v.Value.Locale == locale) && (channel is null || v.Value.Channel is null || v.Value.Channel == channel))
            .ToList();

        var verdicts = new List<ChannelVerdict>();
        foreach (var code in record.Notes.Channels.Where(c => channel is null || c == channel))
        {
            var blockedBy = record.Notes.Issues.Where(i => i.Channel == code && i.Severity == Severity.Error).ToList();
            if (!record.Enabled)
            {
                blockedBy.Insert(0, new Issue(Severity.Error, "enabled", "the product is disabled"));
            }

            if (product.Removed)
            {
                blockedBy.Insert(0, new Issue(Severity.Error, "removed", "the product was removed by a full run of its source"));
            }

            verdicts.Add(new ChannelVerdict(code, blockedBy.Count == 0 && !product.BlockedChannels.Contains(code), blockedBy));
        }

        var completeness = record.Notes.Completeness.Where(c => (channel is null || c.Channel == channel) && (locale is null || c.Locale == locale)).ToList();
        return new Explanation(values, verdicts, completeness);
    }
}

/// <summary>Whether a product is published on a channel and, if not, the issues that keep it off.</summary>
internal sealed record ChannelVerdict(string Code, bool Published, IReadOnlyList<Issue> BlockedBy);
