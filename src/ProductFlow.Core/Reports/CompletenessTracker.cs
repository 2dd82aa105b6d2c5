using ProductFlow.Catalog;
using ProductFlow.Channels;
using ProductFlow.Model;

namespace ProductFlow.Reports;

/// <summary>Measures, per channel, how many of its family's required attributes each accepted record has: per product, and summed for the report.</summary>
public sealed class CompletenessTracker
{
    private readonly ProductCatalog _catalog;
    private readonly List<(ChannelView View, ChannelCompleteness Completeness)> _channels;

    public CompletenessTracker(ProductCatalog catalog, IEnumerable<ChannelDefinition> channels)
    {
        _catalog = catalog;
        _channels = channels.Select(c => (new ChannelView(c, catalog), new ChannelCompleteness(c.Code, c.Locale))).ToList();
    }

    public IEnumerable<ChannelCompleteness> Results => _channels.Select(c => c.Completeness);

    /// <summary>Adds the record to the run's totals and returns its own scores, one per channel whose requirements its family sets.</summary>
    public IReadOnlyList<CompletenessScore> Add(ProductRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Family is null || _catalog.FindFamily(record.Family) is not { } family)
        {
            return [];
        }

        var scores = new List<CompletenessScore>(_channels.Count);
        foreach (var (view, completeness) in _channels)
        {
            if (family.Requirements.TryGetValue(view.Channel.Code, out var required) && required.Count > 0)
            {
                var score = new CompletenessScore(view.Channel.Code, view.Channel.Locale, required.Count - view.CountMissing(record, required), required.Count);
                completeness.Add(score.Present, score.Required);
                scores.Add(score);
            }
        }

        return scores;
    }
}
