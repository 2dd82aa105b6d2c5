using ProductFlow.Catalog;
using ProductFlow.Mapping;
using ProductFlow.Model;

namespace ProductFlow.Rules.Checks;

/// <summary>Rule <c>required</c>: attributes have a non-blank value in each of their scopes.</summary>
/// <remarks>
/// The scopes of an attribute: the channel view when the check names a channel; else the check's locale;
/// else, for a localizable attribute, every locale the pipeline's channels publish; else any value.
/// </remarks>
internal sealed class RequiredCheck : IRule
{
    private readonly (string Attribute, (CheckScope Scope, string? Locale)[] Scopes)[] _targets;
    private readonly string _rule;
    private readonly Severity _severity;
    private readonly string? _message;

    public RequiredCheck(
        IReadOnlyList<string> attributes,
        ProductCatalog catalog,
        IReadOnlyList<string> pipelineLocales,
        ChannelView? view = null,
        string? locale = null,
        string? id = null,
        Severity severity = Severity.Error,
        string? message = null)
    {
        _targets = attributes.Select(a => (a, Scopes(a, catalog, pipelineLocales, view, locale))).ToArray();
        _rule = id ?? RuleIds.Required;
        _severity = severity;
        _message = message;
    }

    public void Apply(MappedRecord record, RuleContext context)
    {
        foreach (var (attribute, scopes) in _targets)
        {
            foreach (var (scope, locale) in scopes)
            {
                if (scope.Has(record.Record, attribute))
                {
                    continue;
                }

                var where = scope.Channel is not null ? $" for channel {scope.Channel}" : locale is not null ? $" for locale {locale}" : "";
                context.Report(record, _rule, _severity, _message ?? $"required attribute '{attribute}' is missing{where}", field: attribute, channel: scope.Channel, locale: locale);
            }
        }
    }

    private static (CheckScope, string?)[] Scopes(string attribute, ProductCatalog catalog, IReadOnlyList<string> pipelineLocales, ChannelView? view, string? locale)
    {
        if (view is not null || locale is not null)
        {
            return [(new CheckScope(view, locale), locale)];
        }

        return catalog.FindAttribute(attribute)?.Localizable == true && pipelineLocales.Count > 0
            ? pipelineLocales.Select(l => (new CheckScope(null, l), (string?)l)).ToArray()
            : [(new CheckScope(null, null), null)];
    }
}
