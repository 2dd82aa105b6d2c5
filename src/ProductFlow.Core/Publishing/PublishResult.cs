using ProductFlow.Catalog;
using ProductFlow.Channels;

namespace ProductFlow.Publishing;

/// <summary>What a publish (or its preview) did for one channel.</summary>
public sealed record PublishResult
{
    public required string Channel { get; init; }

    public required ExportMode Mode { get; init; }

    /// <summary>Whether a new version was committed; false for a preview and when nothing changed.</summary>
    public bool Published { get; init; }

    /// <summary>The current version after the publish (the new one, or the unchanged one); null when the channel has none.</summary>
    public int? Version { get; init; }

    /// <summary>The version the changes are counted against; null for a channel's first publish.</summary>
    public int? Previous { get; init; }

    /// <summary>Rows in the data file written (records, or in a delta, records and removals).</summary>
    public long Rows { get; init; }

    /// <summary>Records the channel holds after the publish.</summary>
    public long Records { get; init; }

    public long Added { get; init; }

    public long Changed { get; init; }

    public long Removed { get; init; }

    /// <summary>The data file of the current version (a path or URL); null when there is none.</summary>
    public string? Location { get; init; }

    /// <summary>Why the channel's new version was not committed: it would have removed every record the current version holds, and the
    /// publish did not allow it (<see cref="PublishRequest.AllowMassDelete"/>); null otherwise. The channel keeps its current version.</summary>
    public string? Refused { get; init; }

    /// <summary>Whether anything differs from the current version.</summary>
    public bool HasChanges => Added + Changed + Removed > 0;
}
