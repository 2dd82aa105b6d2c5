using ProductFlow.Pipelines;

namespace ProductFlow.Running;

/// <summary>What a run is asked to do: which pipeline, which feed, which mode, which flags. Plain data, serialisable as JSON.</summary>
/// <remarks>
/// Where a run reads and writes (data folder, store, exports, events) is not part of a request: that is the
/// <see cref="RunServices"/> the host or the CLI provides. A request derived from another with <c>with</c> keeps every
/// flag, so a caller that changes the input (an inbox claiming a feed, a replay) cannot drop one.
/// </remarks>
public sealed record RunRequest
{
    /// <summary>The pipeline file.</summary>
    public required string Pipeline { get; init; }

    /// <summary>The feed to read where it is (never moved): a file, an http(s) URL or an <c>sftp://</c> path; default: the pipeline's <c>source</c>.</summary>
    public string? Input { get; init; }

    public RunMode Mode { get; init; } = RunMode.Run;

    /// <summary>Overrides the pipeline's <c>mode</c> (partial or full) for this run.</summary>
    public FeedMode? FeedMode { get; init; }

    /// <summary>Lets a full run remove more than the pipeline's <c>maxRemovedShare</c> of its SKUs.</summary>
    public bool AllowMassDelete { get; init; }

    /// <summary>The input is a replay file (<see cref="Connectors.Replay.ReplayFile"/>, written by <c>quarantine replay</c>): it is read with its own reader,
    /// whatever the pipeline's format, and the run is always partial (the replayed rows are never the whole assortment). Default false.</summary>
    public bool Replay { get; init; }

    /// <summary>The run's id when the caller must know it before the run starts (an upload answered before its run); default: a new one.</summary>
    public string? RunId { get; init; }

    /// <summary>A request to run <paramref name="pipeline"/>, read from its file.</summary>
    public static RunRequest For(LoadedPipeline pipeline, RunMode mode = RunMode.Run)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        return new RunRequest { Pipeline = pipeline.Definition.FilePath, Mode = mode };
    }
}
