namespace ProductFlow.Store;

/// <summary>What a committed session did: new SKUs (version 1), new versions of known SKUs, unchanged upserts and, in a full run, removals.</summary>
/// <remarks>When <see cref="Refused"/> is set the mass-delete guard stopped the commit: nothing was written.</remarks>
public sealed record CommitSummary(long Created, long Updated, long Unchanged)
{
    /// <summary>Upserts that wrote a version (created or updated).</summary>
    public long Changed => Created + Updated;

    /// <summary>SKUs a full run marked removed (tombstone versions).</summary>
    public long Removed { get; init; }

    /// <summary>Set when the mass-delete guard refused the commit.</summary>
    public RemovalGuard? Refused { get; init; }
}
