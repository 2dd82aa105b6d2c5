using ProductFlow.Mapping;
using ProductFlow.Model;

namespace ProductFlow.Rules.Checks;

/// <summary>Rule <c>required</c>: attributes have a non-blank value in each of the check's scopes (one per locale, or the channel view).</summary>
internal sealed class RequiredCheck(IReadOnlyList<string> attributes, IReadOnlyList<(CheckScope Scope, string? Locale)> scopes, string? id = null, Severity severity = Severity.Error, string? message = null) : IRule
{
    public void Apply(MappedRecord record, RuleContext context)
    {
        foreach (var attribute in attributes)
        {
            foreach (var (scope, locale) in scopes)
            {
                if (scope.Has(record.Record, attribute))
                {
                    continue;
                }

                var where = scope.Channel is not null ? $" for channel {scope.Channel}" : locale is not null ? $" for locale {locale}" : "";
                context.Report(record, id ?? RuleIds.Required, severity, message ?? $"required attribute '{attribute}' is missing{where}", field: attribute, channel: scope.Channel, locale: locale);
            }
        }
    }
}
