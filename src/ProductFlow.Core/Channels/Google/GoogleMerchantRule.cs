using ProductFlow.Catalog;
using ProductFlow.Channels.Google;
using ProductFlow.Mapping;
using ProductFlow.Model;
using ProductFlow.Rules;

namespace ProductFlow.Channels.Google;

/// <summary>Rules <c>google.required</c>, <c>google.title-length</c> and <c>google.description-length</c>: what Google Merchant Center refuses, checked on the item the channel would write.</summary>
/// <remarks>Errors keep the record off the channel: Google would disapprove the item. A title may have 150 characters, a description 5,000.</remarks>
internal sealed class GoogleMerchantRule(ChannelDefinition channel, ChannelViews views) : IRule
{
    public const int MaxTitle = 150;
    public const int MaxDescription = 5000;

    private readonly GoogleItem _item = new(channel, views.Catalog, views.For(channel));

    public void Apply(MappedRecord record, RuleContext context)
    {
        // Only the fields checked are formatted: the rule runs on every record, the writer formats the rest once, when it writes.
        // By index: the list is an interface, whose enumerator would be allocated on every record.
        for (var f = 0; f < GoogleItem.Required.Count; f++)
        {
            var field = GoogleItem.Required[f];
            if (!_item.Has(record.Record, field))
            {
                var source = field == "link" ? "the link template" : _item.Source(field) is { } code ? $"attribute '{code}'" : "no attribute (map one under google.attributes)";
                context.Report(record, RuleIds.GoogleRequired, Severity.Error, $"channel '{channel.Code}': Google needs '{field}', from {source}, which has no value", field: _item.Source(field) ?? field, channel: channel.Code);
            }
        }

        Length(record, context, _item.ValueOf(record.Record, "title"), "title", MaxTitle, RuleIds.GoogleTitleLength);
        Length(record, context, _item.ValueOf(record.Record, "description"), "description", MaxDescription, RuleIds.GoogleDescriptionLength);
    }

    private void Length(MappedRecord record, RuleContext context, string? value, string field, int max, string rule)
    {
        if (value is not null && value.Length > max)
        {
            var source = _item.Source(field);
            context.Report(
                record, rule, Severity.Error, $"channel '{channel.Code}': Google takes a {field} of at most {max} characters; this one has {value.Length}",
                field: source ?? field, value: source is null ? null : record.Record.Resolve(source, channel.Code, channel.Locale), channel: channel.Code);
        }
    }
}
