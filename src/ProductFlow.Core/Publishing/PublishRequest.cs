using ProductFlow.Catalog;
using ProductFlow.Channels;

namespace ProductFlow.Publishing;

/// <summary>How to publish channels: their mode (default: each channel's own), on behalf of which run, or only as a preview.</summary>
public sealed class PublishRequest
{
    /// <summary>Full or delta; null takes the channel's <see cref="Catalog.ChannelDefinition.Mode"/>.</summary>
    public ExportMode? Mode { get; set; }

    /// <summary>The run recorded in the manifest.</summary>
    public string RunId { get; set; } = "publish";

    /// <summary>When the newest data a publish has was stored, when the caller knows better than the store's finished runs (a run publishing
    /// what it has just committed, before it is recorded as finished); the manifest keeps the later of this and the store's last change.</summary>
    public DateTimeOffset? DataAsOf { get; set; }

    /// <summary>Lets a publish remove every record of a channel that has some (default false: such a channel is refused, see <see cref="PublishResult.Refused"/>).</summary>
    public bool AllowMassDelete { get; set; }

    /// <summary>Compare only: write nothing, and report each change to <see cref="OnChange"/>.</summary>
    public bool Preview { get; set; }

    /// <summary>Called for every record added, changed or removed against the current version, in channel order.</summary>
    /// <remarks>A change does not name its channel: set it only when publishing (or previewing) one channel. It is called on that channel's task.</remarks>
    public Action<ChannelChange>? OnChange { get; set; }
}
