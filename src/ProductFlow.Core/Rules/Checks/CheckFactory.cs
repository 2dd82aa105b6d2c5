using ProductFlow.Catalog;
using ProductFlow.Expressions;
using ProductFlow.Pipelines;

namespace ProductFlow.Rules.Checks;

/// <summary>Compiles a pipeline's declared checks into rules, once per run.</summary>
internal static class CheckFactory
{
    // views: the run's channel views, shared with its other channel rules (default: a view of the check's own).
    public static IRule Create(CheckOptions check, ProductCatalog catalog, IReadOnlyList<string> pipelineLocales, ChannelViews? views = null)
    {
        var view = check.Channel is null ? null : (views ?? new ChannelViews(catalog)).For(catalog.FindChannel(check.Channel)!);
        var scope = new CheckScope(view, check.Locale);
        return check.Kind switch
        {
            "required" => new RequiredCheck(check.Attributes, catalog, pipelineLocales, view, check.Locale, check.Id, check.Severity, check.Message),
            "pattern" => new PatternCheck(check, scope),
            "length" => new LengthCheck(check, scope),
            "range" => new RangeCheck(check, scope),
            "dateRange" => new DateRangeCheck(check, scope),
            "expression" => new ExpressionCheck(check, scope, RuleExpression.Parse(check.Assert!), check.When is null ? null : RuleExpression.Parse(check.When)),
            _ => throw new ArgumentException($"unknown check kind '{check.Kind}'", nameof(check)),
        };
    }
}
