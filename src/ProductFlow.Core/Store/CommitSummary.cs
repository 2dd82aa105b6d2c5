namespace ProductFlow.Store;

/// <summary>What a committed session's upserts did: new SKUs (version 1), new versions of known SKUs, and the rest.</summary>
public sealed record CommitSummary(long Created, long Updated, long Unchanged)
{
    /// <summary>Upserts that wrote a version (created or updated).</summary>
    public long Changed => Created + Updated;
}
