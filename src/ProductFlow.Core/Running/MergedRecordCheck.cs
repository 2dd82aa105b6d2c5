using ProductFlow.Catalog;
using ProductFlow.Channels;
using ProductFlow.Connectors;
using ProductFlow.Mapping;
using ProductFlow.Model;
using ProductFlow.Pipelines;
using ProductFlow.Reports;
using ProductFlow.Rules;
using ProductFlow.Store;

namespace ProductFlow.Running;

/// <summary>A run's check of records its store merges with other sources' values: the pipeline's channel rules and completeness, on the merged record.</summary>
/// <remarks>
/// Rules of its own (compiled when the first merge asks for them), since a store may call it on its writer thread while the run's
/// rules check the next rows. The completeness it measures is the merged record's alone: the run's report counts the rows it read.
/// </remarks>
internal sealed class MergedRecordCheck(LoadedPipeline pipeline, IReadOnlyList<ChannelDefinition> channels) : IMergedRecordCheck, IDisposable
{
    private static readonly FeedHeader NoColumns = new([], ',');

    private RuleSet? _rules;
    private CompletenessTracker? _completeness;

    public MergedVerdict Check(ProductRecord merged)
    {
        ArgumentNullException.ThrowIfNull(merged);
        _rules ??= RuleSet.Create(pipeline, ChannelRules.For);
        _completeness ??= new CompletenessTracker(pipeline.Catalog, channels);
        var record = new MappedRecord(new SourceRow(merged.Feed ?? "", merged.Line, NoColumns, []), merged);
        _rules.CheckChannels(record);
        return new MergedVerdict(record.Issues, _completeness.Add(merged));
    }

    public void Dispose() => _rules?.Dispose();
}
