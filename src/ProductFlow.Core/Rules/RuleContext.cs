using ProductFlow.Mapping;
using ProductFlow.Model;
using ProductFlow.Pipelines;

namespace ProductFlow.Rules;

/// <summary>What rules report to: builds issues with the record's position and applies the pipeline's severity overrides.</summary>
public sealed class RuleContext
{
    private readonly IReadOnlyDictionary<string, Severity> _severity;
    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, Severity>> _channelSeverity;
    private readonly Dictionary<(string Attribute, string? Locale), string> _columns = [];

    /// <param name="severityOverrides">Severity by rule id, replacing each rule's default.</param>
    /// <param name="mapping">The feed's mapping, so an issue about a missing value can still name the column it should come from.</param>
    /// <param name="channelSeverity">Severity by rule id per channel, for channel-level issues; it wins over <paramref name="severityOverrides"/>.</param>
    public RuleContext(
        IReadOnlyDictionary<string, Severity> severityOverrides,
        MappingOptions? mapping = null,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, Severity>>? channelSeverity = null)
    {
        ArgumentNullException.ThrowIfNull(severityOverrides);
        _severity = severityOverrides;
        _channelSeverity = channelSeverity ?? new Dictionary<string, IReadOnlyDictionary<string, Severity>>();
        if (mapping is not null)
        {
            foreach (var (field, column) in new[] { ("sku", mapping.Sku), ("parent", mapping.Parent), ("family", mapping.Family), ("categories", mapping.Categories), ("enabled", mapping.Enabled) })
            {
                if (column?.Column is { } name)
                {
                    _columns[(field, null)] = name;
                }
            }
        }

        foreach (var value in mapping?.Values ?? [])
        {
            if (value is { Attribute: { } attribute, Column: { } column })
            {
                _columns.TryAdd((attribute, value.Locale), column);
                _columns.TryAdd((attribute, null), column);
            }
        }
    }

    /// <summary>Adds an issue to <paramref name="target"/>; <paramref name="value"/> gives its column and value, else the mapping gives the column of <paramref name="field"/>.</summary>
    public void Report(MappedRecord target, string rule, Severity severity, string message, string? field = null, ProductValue? value = null, string? channel = null, string? locale = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        var attribute = field ?? value?.Attribute;
        target.AddIssue(new Issue(SeverityOf(rule, severity, channel), rule, message)
        {
            Sku = target.Record.Sku,
            Feed = target.Record.Feed,
            Line = target.Record.Line,
            Column = value?.OriginColumn ?? (attribute is null ? null : _columns.GetValueOrDefault((attribute, locale))),
            Field = field ?? value?.Attribute,
            Value = value?.Data,
            Channel = channel,
        });
    }

    /// <summary>The severity of a rule's issue: the channel's override, else the pipeline's, else the rule's own.</summary>
    private Severity SeverityOf(string rule, Severity severity, string? channel) =>
        channel is not null && _channelSeverity.TryGetValue(channel, out var overrides) && overrides.TryGetValue(rule, out var forChannel)
            ? forChannel
            : _severity.GetValueOrDefault(rule, severity);
}
