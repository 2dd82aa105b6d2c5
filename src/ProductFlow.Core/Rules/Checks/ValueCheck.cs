using ProductFlow.Mapping;
using ProductFlow.Model;
using ProductFlow.Pipelines;

namespace ProductFlow.Rules.Checks;

/// <summary>A check of each value of one attribute: the subclass says what is wrong with a value, or nothing.</summary>
internal abstract class ValueCheck(CheckOptions options, CheckScope scope, string rule) : IRule
{
    protected CheckOptions Options { get; } = options;

    public void Apply(MappedRecord record, RuleContext context)
    {
        foreach (var value in scope.Values(record.Record, Options.Attribute!))
        {
            if (value.Data.Length > 0 && Problem(value.Data) is { } problem)
            {
                var message = Options.Message ?? $"{Options.Attribute} {problem}";
                context.Report(record, Options.Id ?? rule, Options.Severity, message, value: value.ToValue(), channel: scope.Channel);
            }
        }
    }

    /// <summary>What is wrong with <paramref name="data"/> (completing "&lt;attribute&gt; ..."), or <c>null</c>.</summary>
    protected abstract string? Problem(string data);
}
