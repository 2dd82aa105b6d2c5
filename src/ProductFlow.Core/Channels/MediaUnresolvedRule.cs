using ProductFlow.Catalog;
using ProductFlow.Mapping;
using ProductFlow.Model;
using ProductFlow.Rules;

namespace ProductFlow.Channels;

/// <summary>Rule <c>media.unresolved</c> (a warning): a channel that links images publishes a media path it has no <c>mediaBaseUrl</c> to turn into a URL.</summary>
/// <remarks>
/// The channels that link images are <c>web-json</c> (every attribute it publishes), <c>shopify-csv</c> (its image), <c>google-merchant</c>
/// (<c>image_link</c>, <c>additional_image_link</c>) and <c>partner-csv</c> (its columns). The path is published as it is; the warning
/// says the channel needs a base URL (or the rule's severity makes it an error that keeps the record off the channel).
/// </remarks>
internal sealed class MediaUnresolvedRule : IRule
{
    private readonly ChannelView _view;
    private readonly IReadOnlyList<string> _attributes;

    private MediaUnresolvedRule(ChannelView view, IReadOnlyList<string> attributes)
    {
        _view = view;
        _attributes = attributes;
    }

    /// <summary>The rule for <paramref name="channel"/>, or <c>null</c> when it has a base URL, links no media attribute, or is of a kind that does not link images.</summary>
    public static MediaUnresolvedRule? For(ChannelDefinition channel, ChannelViews views)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(views);
        var catalog = views.Catalog;
        if (channel.MediaBaseUrl is not null)
        {
            return null;
        }

        var fields = ChannelWriters.All.TryGetValue(channel.Kind, out var kind) ? kind.ImageFields?.Invoke(channel, catalog) : null;
        var media = (fields ?? []).OfType<string>().Where(f => catalog.FindAttribute(f)?.Type == AttributeType.Media).Distinct(StringComparer.Ordinal).ToList();
        return media.Count == 0 ? null : new MediaUnresolvedRule(views.For(channel), media);
    }

    public void Apply(MappedRecord record, RuleContext context)
    {
        foreach (var attribute in _attributes)
        {
            if (_view.ResolveCell(record.Record, attribute) is { IsEmpty: false, Data.Length: > 0 } value && !MediaUrl.IsAbsolute(value.Data))
            {
                context.Report(
                    record, RuleIds.MediaUnresolved, Severity.Warning,
                    $"channel '{_view.Channel.Code}': '{attribute}' is a path ('{Quoted.Text(value.Data)}') and the channel has no mediaBaseUrl to make it a URL",
                    value: value.ToValue(), channel: _view.Channel.Code);
            }
        }
    }
}
