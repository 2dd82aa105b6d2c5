using ProductFlow.Expressions;
using ProductFlow.Mapping;
using ProductFlow.Model;
using ProductFlow.Pipelines;

namespace ProductFlow.Rules.Checks;

/// <summary>Check <c>expression</c>: every record (for which <c>when</c> holds) satisfies <c>assert</c>.</summary>
internal sealed class ExpressionCheck(CheckOptions options, CheckScope scope, RuleExpression assert, RuleExpression? when) : IRule
{
    public void Apply(MappedRecord record, RuleContext context)
    {
        var lookup = scope.Lookup(record.Record);
        if ((when is null || when.Evaluate(lookup)) && !assert.Evaluate(lookup))
        {
            var message = options.Message ?? (when is null ? $"'{assert.Text}' does not hold" : $"'{assert.Text}' does not hold although '{when.Text}'");
            var field = assert.Fields.FirstOrDefault();
            context.Report(record, options.Id ?? RuleIds.Expression, options.Severity, message, field: field, channel: scope.Channel);
        }
    }
}
