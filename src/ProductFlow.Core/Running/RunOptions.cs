namespace ProductFlow.Running;

/// <summary>How to run a pipeline: which feed, which data folder, which mode.</summary>
public sealed class RunOptions
{
    /// <summary>The feed to read where it is (never moved); default: the pipeline's <c>source.path</c>.</summary>
    public string? Input { get; init; }

    /// <summary>The data folder: <c>exports/</c>, <c>reports/</c> and the embedded store. Default <c>./data</c>.</summary>
    public string DataDirectory { get; init; } = "data";

    public RunMode Mode { get; init; } = RunMode.Run;

    /// <summary>Where channels are published; default: the folder <c>exports/</c> of the data folder.</summary>
    public Publishing.IBlobStore? Exports { get; init; }

    /// <summary>Where the run's events go (<c>ProductFlow.Export.Published</c> per new version, then <c>ProductFlow.Feed.Accepted</c>
    /// or <c>ProductFlow.Feed.Rejected</c> once the report is written); default <c>null</c>: no events. Validate raises none.</summary>
    public Events.IEventPublisher? Events { get; init; }

    /// <summary>Overrides the pipeline's <c>mode</c> (partial or full) for this run.</summary>
    public Pipelines.FeedMode? FeedMode { get; init; }

    /// <summary>The input is a replay file (<see cref="Connectors.Replay.ReplayFile"/>, written by <c>quarantine replay</c>): it is read with its own reader,
    /// whatever the pipeline's format, and the run is always partial (the replayed rows are never the whole assortment). Default false.</summary>
    public bool Replay { get; init; }

    /// <summary>Lets a full run remove more than the pipeline's <c>maxRemovedShare</c> of its SKUs, and its publication remove every record of a channel.</summary>
    public bool AllowMassDelete { get; init; }

    /// <summary>Sends the supplier email after a run with rejections (pipeline <c>supplier</c>); default <c>null</c>: no email.</summary>
    public Notifications.SupplierMail? SupplierMail { get; init; }

    /// <summary>Told once a second how far reading the feed has come (rows, bytes, rate, time left); <c>null</c> for no progress.</summary>
    public IProgress<RunProgress>? Progress { get; init; }
}
