using ProductFlow.Catalog;
using ProductFlow.Channels;
using ProductFlow.Model;

namespace ProductFlow.Reports;

/// <summary>Measures, per channel, how many of its family's required attributes each accepted record has.</summary>
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

    public void Add(ProductRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Family is null || _catalog.FindFamily(record.Family) is not { } family)
        {
            return;
        }

        foreach (var (view, completeness) in _channels)
        {
            if (family.Requirements.TryGetValue(view.Channel.Code, out var required))
            {
                completeness.Add(required.Count(code => !string.IsNullOrWhiteSpace(view.Resolve(record, code)?.Data)), required.Count);
            }
        }
    }
}
