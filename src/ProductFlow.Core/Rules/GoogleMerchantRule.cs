using ProductFlow.Catalog;
using ProductFlow.Channels.Google;
using ProductFlow.Mapping;
using ProductFlow.Model;

namespace ProductFlow.Rules;

/// <summary>Rules <c>google.required</c>, <c>google.title-length</c> and <c>google.description-length</c>: what Google Merchant Center refuses, checked on the item the channel would write.</summary>
/// <remarks>Errors keep the record off the channel: Google would disapprove the item. A title may have 150 characters, a description 5,000.</remarks>
internal sealed class GoogleMerchantRule(ChannelDefinition channel, ProductCatalog catalog) : IRule
{
    public const int MaxTitle = 150;
    public const int MaxDescription = 5000;

    private static readonly int Title = Index("title");
    private static readonly int Description = Index("description");
    private static readonly (string Field, int Index)[] Required = GoogleItem.Required.Select(f => (f, Index(f))).ToArray();

    private readonly GoogleItem _item = new(channel, catalog);

    public void Apply(MappedRecord record, RuleContext context)
    {
        var values = _item.Values(record.Record);
        foreach (var (field, index) in Required)
        {
            if (values[index] is null)
            {
                var source = field == "link" ? "the link template" : _item.Source(field) is { } code ? $"attribute '{code}'" : "no attribute (map one under google.attributes)";
                context.Report(record, RuleIds.GoogleRequired, Severity.Error, $"channel '{channel.Code}': Google needs '{field}', from {source}, which has no value", field: _item.Source(field) ?? field, channel: channel.Code);
            }
        }

        Length(record, context, values[Title], "title", MaxTitle, RuleIds.GoogleTitleLength);
        Length(record, context, values[Description], "description", MaxDescription, RuleIds.GoogleDescriptionLength);
    }

    private static int Index(string field) => GoogleItem.Fields.ToList().IndexOf(field);

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
