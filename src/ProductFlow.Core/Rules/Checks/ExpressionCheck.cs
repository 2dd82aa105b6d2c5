using ProductFlow.Expressions;
using ProductFlow.Mapping;
using ProductFlow.Model;
using ProductFlow.Pipelines;

namespace ProductFlow.Rules.Checks;

/// <summary>Check <c>expression</c>: every record (for which <c>when</c> holds) satisfies <c>assert</c>.</summary>
internal sealed class ExpressionCheck : IRule
{
    private readonly CheckOptions _options;
    private readonly CheckScope _scope;
    private readonly RuleExpression _assert;
    private readonly RuleExpression? _when;

    // One set of fields for every record, reading the record being checked (a rule is called one record at a time, see IRule): nothing per row.
    private readonly CheckScope.Fields _fields;

    public ExpressionCheck(CheckOptions options, CheckScope scope, RuleExpression assert, RuleExpression? when)
    {
        _options = options;
        _scope = scope;
        _assert = assert;
        _when = when;
        _fields = new CheckScope.Fields(scope);
    }

    public void Apply(MappedRecord record, RuleContext context)
    {
        _fields.Record = record.Record;
        if ((_when is null || _when.Evaluate(_fields)) && !_assert.Evaluate(_fields))
        {
            var message = _options.Message ?? (_when is null ? $"'{_assert.Text}' does not hold" : $"'{_assert.Text}' does not hold although '{_when.Text}'");
            var field = _assert.Fields.FirstOrDefault();
            context.Report(record, _options.Id ?? RuleIds.Expression, _options.Severity, message, field: field, channel: _scope.Channel);
        }
    }
}
