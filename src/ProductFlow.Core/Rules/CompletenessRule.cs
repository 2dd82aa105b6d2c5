using System.Globalization;
using ProductFlow.Catalog;
using ProductFlow.Mapping;
using ProductFlow.Model;

namespace ProductFlow.Rules;

/// <summary>Rule <c>completeness</c>: a record is published on a channel only when it has at least the channel's <c>minCompleteness</c> share of its family's required attributes.</summary>
/// <remarks>Counted on the channel view, so in the channel's locale: a localizable attribute present in another locale only is missing.</remarks>
internal sealed class CompletenessRule(ChannelDefinition channel, ProductCatalog catalog, ChannelView? view = null) : IRule
{
    private readonly ChannelView _view = view ?? new(channel, catalog);

    public void Apply(MappedRecord record, RuleContext context)
    {
        if (record.Record.Family is null
            || catalog.FindFamily(record.Record.Family) is not { } family
            || !family.Requirements.TryGetValue(channel.Code, out var required)
            || required.Count == 0)
        {
            return;
        }

        var missing = _view.Missing(record.Record, required);
        var ratio = (double)(required.Count - missing.Count) / required.Count;
        if (ratio < channel.MinCompleteness)
        {
            var percent = (ratio * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
            context.Report(record, RuleIds.Completeness, Severity.Error, $"{percent} complete for channel {channel.Code}, below its minimum (missing: {string.Join(", ", missing)})", field: missing[0], channel: channel.Code);
        }
    }
}
