namespace ProductFlow.Store;

/// <summary>What a run did with its feed's records.</summary>
/// <remarks><see cref="Read"/> data records read; <see cref="Accepted"/> stored; <see cref="Rejected"/> quarantined (not stored); <see cref="Warnings"/> warning issues.</remarks>
public sealed class RunCounts
{
    public long Read { get; set; }

    public long Accepted { get; set; }

    public long Rejected { get; set; }

    public long Warnings { get; set; }

    /// <summary>Stored records that got a new version (created or changed).</summary>
    public long Changed { get; set; }

    /// <summary>SKUs a full run marked removed.</summary>
    public long Removed { get; set; }

    /// <summary>Empty rows of the feed (every field blank, such as <c>;;;;</c>): skipped, neither read as records nor rejected. In the report only.</summary>
    public long Skipped { get; set; }
}
