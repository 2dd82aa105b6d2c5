using ProductFlow.Catalog;
using ProductFlow.Mapping;
using ProductFlow.Pipelines;

namespace ProductFlow.Rules;

/// <summary>The rules of one run, compiled once from the pipeline and its catalog, applied in order.</summary>
/// <remarks>
/// Order matters: types are checked and normalised first, so later rules see canonical values; cross-record
/// rules come last. Channel rules run only on records that no record-level error rejects (they would only
/// restate the same problem). A row the reader could not split gets no rules: its issue says why.
/// </remarks>
public sealed class RuleSet : IDisposable
{
    private readonly IReadOnlyList<IRule> _recordRules;
    private readonly IReadOnlyList<IRule> _channelRules;
    private readonly RuleContext _context;

    public RuleSet(IReadOnlyList<IRule> recordRules, IReadOnlyList<IRule> channelRules, RuleContext context)
    {
        _recordRules = recordRules;
        _channelRules = channelRules;
        _context = context;
    }

    public static RuleSet Create(LoadedPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var (definition, catalog) = pipeline;
        var channels = definition.Channels.Select(code => catalog.FindChannel(code)!).ToList();
        IRule[] recordRules =
        [
            new AttributeTypeRule(catalog),
            new RequiredRule(definition.Rules.Required, catalog, channels.Select(c => c.Locale).Distinct().ToList()),
            new GtinRule(definition.Rules.Gtin),
            new SkuUniqueRule(),
        ];
        var channelRules = channels.Where(c => c.Schema is not null).Select(c => new ChannelSchemaRule(c, catalog)).ToArray();
        return new RuleSet(recordRules, channelRules, new RuleContext(definition.Rules.Severity, definition.Mapping));
    }

    public void Dispose()
    {
        foreach (var rule in _recordRules.Concat(_channelRules).OfType<IDisposable>())
        {
            rule.Dispose();
        }
    }

    public void Apply(MappedRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Row.Problem is not null)
        {
            return;
        }

        foreach (var rule in _recordRules)
        {
            rule.Apply(record, _context);
        }

        if (record.IsRejected)
        {
            return;
        }

        foreach (var rule in _channelRules)
        {
            rule.Apply(record, _context);
        }
    }
}
