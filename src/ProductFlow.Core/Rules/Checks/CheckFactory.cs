using ProductFlow.Catalog;
using ProductFlow.Channels;
using ProductFlow.Pipelines;
using ProductFlow.Rules.Expressions;

namespace ProductFlow.Rules.Checks;

/// <summary>Compiles a pipeline's declared checks into rules, once per run.</summary>
internal static class CheckFactory
{
    public static IRule Create(CheckOptions check, ProductCatalog catalog, IReadOnlyList<string> pipelineLocales)
    {
        var view = check.Channel is null ? null : new ChannelView(catalog.FindChannel(check.Channel)!, catalog);
        var scope = new CheckScope(view, check.Locale);
        return check.Kind switch
        {
            "required" => new RequiredCheck(check.Attributes, Scopes(view, check.Locale, check, catalog, pipelineLocales), check.Id, check.Severity, check.Message),
            "pattern" => new PatternCheck(check, scope),
            "length" => new LengthCheck(check, scope),
            "range" => new RangeCheck(check, scope),
            "dateRange" => new DateRangeCheck(check, scope),
            "expression" => new ExpressionCheck(check, scope, RuleExpression.Parse(check.Assert!), check.When is null ? null : RuleExpression.Parse(check.When)),
            _ => throw new ArgumentException($"unknown check kind '{check.Kind}'", nameof(check)),
        };
    }

    /// <summary>
    /// The scopes a required attribute is checked in: the channel view; else the check's locale; else, for
    /// localizable attributes, every locale the pipeline's channels publish (checked per attribute at run time).
    /// </summary>
    public static IReadOnlyList<(CheckScope Scope, string? Locale)> Scopes(ChannelView? view, string? locale, CheckOptions? check, ProductCatalog catalog, IReadOnlyList<string> pipelineLocales)
    {
        if (view is not null || locale is not null)
        {
            return [(new CheckScope(view, locale), locale)];
        }

        var localizable = check?.Attributes.Any(a => catalog.FindAttribute(a)?.Localizable == true) ?? true;
        return localizable && pipelineLocales.Count > 0
            ? pipelineLocales.Select(l => (new CheckScope(null, l), (string?)l)).ToList()
            : [(new CheckScope(null, null), null)];
    }
}
