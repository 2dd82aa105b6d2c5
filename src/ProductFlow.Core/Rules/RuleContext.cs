using ProductFlow.Mapping;
using ProductFlow.Model;

namespace ProductFlow.Rules;

/// <summary>What rules report to: builds issues with the record's position and applies the pipeline's severity overrides.</summary>
public sealed class RuleContext
{
    private readonly IReadOnlyDictionary<string, Severity> _severity;

    public RuleContext(IReadOnlyDictionary<string, Severity> severityOverrides)
    {
        ArgumentNullException.ThrowIfNull(severityOverrides);
        _severity = severityOverrides;
    }

    /// <summary>Adds an issue to <paramref name="target"/>; <paramref name="value"/> gives its column and value.</summary>
    public void Report(MappedRecord target, string rule, Severity severity, string message, string? field = null, ProductValue? value = null, string? channel = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Issues.Add(new Issue(_severity.GetValueOrDefault(rule, severity), rule, message)
        {
            Sku = target.Record.Sku,
            Feed = target.Record.Feed,
            Line = target.Record.Line,
            Column = value?.Origin.Column,
            Field = field ?? value?.Attribute,
            Value = value?.Data,
            Channel = channel,
        });
    }
}
