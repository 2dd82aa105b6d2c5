using ProductFlow.Model;

namespace ProductFlow.Store;

/// <summary>Checks a record merged from several sources (<see cref="SourceMerge"/>) for the channels its run checks, before it can be published.</summary>
/// <remarks>
/// A run's rules see the feed's half of a product that other sources carry too: the merged record (its values and the others') may be
/// complete where the half was not, or break a channel schema the half passed. A store that merges asks this check for the merged
/// record's verdict on the run's channels: the channel rules, completeness and channel schemas, as the run's own rules would give them.
/// A store calls it from one thread at a time (possibly not the run's: an implementation keeps rules of its own).
/// </remarks>
public interface IMergedRecordCheck
{
    MergedVerdict Check(ProductRecord merged);
}

/// <summary>What the channels say of a merged record: their issues (an error keeps it off that channel) and its completeness per channel.</summary>
public sealed record MergedVerdict(IReadOnlyList<Issue> Issues, IReadOnlyList<CompletenessScore> Completeness);
