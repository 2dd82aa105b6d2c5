using ProductFlow.Catalog;
using ProductFlow.Mapping;
using ProductFlow.Pipelines;
using ProductFlow.Rules.Checks;
using ProductFlow.Rules.Enrichers;

namespace ProductFlow.Rules;

/// <summary>The rules of one run, compiled once from the pipeline and its catalog, applied in order.</summary>
/// <remarks>
/// Order matters: types are checked and normalised first, so enrichers and later rules see canonical values;
/// enrichers run next, in the pipeline's order, so checks see defaults and templates; cross-record
/// rules come last. A product model record gets only its type checks and <see cref="ModelRule"/>. The rows of a product model are then held until the model ends (<see cref="ModelGroups"/>: its common
/// values are lifted, a lone parent of a full feed is reported); channel rules run as records leave, only on records that
/// no record-level error rejects (they would only restate the same problem). A row the reader could not split gets no
/// rules: its issue says why.
/// </remarks>
public sealed class RuleSet : IDisposable
{
    // Arrays, not interfaces: the rules run on every row, and foreach over an array allocates no enumerator.
    private readonly IRule[] _recordRules;
    private readonly IRule[] _modelRules;
    private readonly IRule[] _channelRules;
    private readonly RuleContext _context;
    private readonly ModelGroups _groups;

    private RuleSet(IRule[] recordRules, IRule[] modelRules, IRule[] channelRules, RuleContext context, ModelGroups groups)
    {
        _recordRules = recordRules;
        _modelRules = modelRules;
        _channelRules = channelRules;
        _context = context;
        _groups = groups;
    }

    /// <param name="pipeline">The pipeline and its catalog.</param>
    /// <param name="kindRules">The rules the pipeline's channels add, run after its channel checks, completeness and schema (<c>ChannelRules.For</c>).</param>
    /// <param name="mode">The run's feed mode (default: the pipeline's); only a full feed reports parents no other row names.</param>
    /// <param name="grouped">The rows of each product model come together (a run orders them so): no model comes back, and the rules keep nothing per finished model.</param>
    public static RuleSet Create(
        LoadedPipeline pipeline, Func<IReadOnlyList<ChannelDefinition>, ChannelViews, IEnumerable<IRule>> kindRules, FeedMode? mode = null, bool grouped = false)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(kindRules);
        var (definition, catalog) = pipeline;
        var rules = definition.Rules;
        var channels = definition.Channels.Select(code => catalog.FindChannel(code)!).ToList();
        var locales = channels.Select(c => c.Locale).Distinct().ToList();
        // One view per channel for every channel rule: a record is resolved once per channel, not once per rule.
        var views = new ChannelViews(catalog);
        // Inheritance first: a variant's inherited model values go through the pipeline's enrichers and checks like its own.
        var types = new AttributeTypeRule(catalog, ValueCultures.Of(definition));
        var family = new FamilyAttributesRule(catalog);
        var recordRules = new List<IRule> { types, family, new InheritModelValues(catalog) };
        recordRules.AddRange(definition.Enrich.Select(e => EnricherFactory.Create(e, catalog)));
        recordRules.AddRange(new IRule[]
        {
            new RequiredCheck(rules.Required, catalog, locales),
            new GtinRule(rules.Gtin),
            new SkuUniqueRule(),
            new ValueUniqueRule(rules.Unique),
            // An Akeneo export has a record for every product model: a variant's parent must be one.
            new VariantRule(catalog, requireModels: definition.Source.Format == "akeneo-csv"),
        });
        recordRules.AddRange(rules.Checks.Where(c => c.Channel is null).Select(c => CheckFactory.Create(c, catalog, locales)));

        var channelRules = new List<IRule>();
        channelRules.AddRange(rules.Checks.Where(c => c.Channel is not null).Select(c => CheckFactory.Create(c, catalog, locales, views)));
        channelRules.AddRange(channels.Where(c => c.MinCompleteness > 0).Select(c => new CompletenessRule(c, catalog, views.For(c))));
        channelRules.AddRange(channels.Where(c => c.Schema is not null).Select(c => new ChannelSchemaRule(c, catalog, views.For(c))));
        channelRules.AddRange(kindRules(channels, views));
        var severities = channels.ToDictionary(c => c.Code, c => c.Severity, StringComparer.Ordinal);
        var groups = new ModelGroups(catalog, (mode ?? definition.Mode) == FeedMode.Full, grouped);
        // Product models get their type checks and their own rules; a pipeline's enrichers and checks are for products (a variant with
        // the values it inherits), and channels publish products.
        var modelRules = new IRule[] { types, family, new SkuUniqueRule(), new ModelRule(catalog) };
        return new RuleSet([.. recordRules], modelRules, [.. channelRules], new RuleContext(rules.Severity, definition.Mapping, severities), groups);
    }

    /// <summary>Every rule in the order it runs: record rules, then channel rules (for profiling; <see cref="Apply"/> is the way to run them).</summary>
    internal IEnumerable<IRule> Rules => _recordRules.Concat(_channelRules);

    /// <summary>The rules of product model records, in the order they run.</summary>
    internal IEnumerable<IRule> ModelRules => _modelRules;

    /// <summary>The rule context of this run, for running <see cref="Rules"/> one by one.</summary>
    internal RuleContext Context => _context;

    public void Dispose()
    {
        foreach (var rule in _recordRules.Concat(_modelRules).Concat(_channelRules).Distinct().OfType<IDisposable>())
        {
            rule.Dispose();
        }
    }

    /// <summary>Checks <paramref name="record"/> and returns the records that are done, in feed order: the rows of a
    /// product model come back when the model ends (see <see cref="Finish"/>). The list is reused by the next call.</summary>
    public IReadOnlyList<MappedRecord> Apply(MappedRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Row.Problem is null)
        {
            foreach (var rule in record.Record.IsModel ? _modelRules : _recordRules)
            {
                rule.Apply(record, _context);
            }
        }

        return ApplyChannelRules(_groups.Add(record, _context));
    }

    /// <summary>Runs the channel rules alone on <paramref name="record"/> (a record already checked, such as one merged from several sources).</summary>
    internal void CheckChannels(MappedRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        ApplyChannelRules([record]);
    }

    /// <summary>Ends the feed: returns the records still held (the last model's).</summary>
    public IReadOnlyList<MappedRecord> Finish() => ApplyChannelRules(_groups.Finish(_context));

    private IReadOnlyList<MappedRecord> ApplyChannelRules(IReadOnlyList<MappedRecord> done)
    {
        for (var r = 0; r < done.Count; r++)
        {
            var record = done[r];
            if (record.Row.Problem is not null || record.IsRejected || record.Record.IsModel)
            {
                continue;
            }

            foreach (var rule in _channelRules)
            {
                rule.Apply(record, _context);
            }
        }

        return done;
    }
}
