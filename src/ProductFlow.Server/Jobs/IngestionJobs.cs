using System.ComponentModel;
using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProductFlow.Inbox;
using ProductFlow.Pipelines;
using ProductFlow.Running;
using ProductFlow.Server.Configuration;
using ProductFlow.Server.Inbox;
using ProductFlow.Server.Uploads;

namespace ProductFlow.Server.Jobs;

/// <summary>The ingestion jobs: a poll of an inbox folder enqueues one job per waiting feed; that job claims the feed, runs it and files it.</summary>
/// <remarks>
/// Thin and idempotent: a second execution of a feed's job finds the feed claimed or gone and does nothing, and running the same feed twice
/// changes no product twice (unchanged content makes no version). One pipeline ingests one feed at a time across every worker. A run that
/// fails on its data (an unreadable feed, the mass-delete guard) is a completed job whose report says why, its feed in <c>failed/</c>; a run
/// that fails on infrastructure puts its feed back in the inbox and the job is retried (3 attempts, growing pauses).
/// </remarks>
public sealed partial class IngestionJobs(
    PipelineRunner runner, InboxProvider inboxes, IBackgroundJobClient jobs, JobStorage storage, JobLocks locks, TimeProvider time,
    IOptions<ProductFlowOptions> options, ILogger<IngestionJobs> logger)
{
    private readonly PendingFeeds _pending = new(storage, time);
    private readonly Runs.RunProgressBoard _progress = new(storage);

    /// <summary>Enqueues a job for every feed waiting in the folder's inbox that has none yet.</summary>
    [Queue(JobQueues.Ingest)]
    [AutomaticRetry(Attempts = 0)] // the next poll is the retry
    [DisplayName("Poll inbox {0}")]
    public async Task PollAsync(string folder, CancellationToken cancellationToken)
    {
        // One poll of a folder at a time: a second one, started meanwhile by another worker, has nothing to add.
        await using var held = await locks.TryAcquireAsync("poll:" + folder, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        if (held is null)
        {
            return;
        }

        var pipeline = inboxes.PipelineOf(folder);
        foreach (var feed in await inboxes.Open(folder).ReadyAsync(cancellationToken).ConfigureAwait(false))
        {
            if (_pending.TryAdd(folder, feed))
            {
                var id = jobs.Enqueue<IngestionJobs>(j => j.RunFeedAsync(pipeline, folder, feed, null, CancellationToken.None));
                LogEnqueued(logger, folder, feed, id);
            }
        }
    }

    /// <summary>Claims <paramref name="feed"/> in the folder's inbox and runs it with <paramref name="pipeline"/> (as run <paramref name="runId"/>
    /// when given: an upload answered before its run).</summary>
    [Queue(JobQueues.Ingest)]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [10, 60, 300])]
    [DisplayName("Ingest {2} with pipeline {0}")]
    public Task RunFeedAsync(string pipeline, string folder, string feed, string? runId, CancellationToken cancellationToken) =>
        RunAsync(pipeline, folder, feed, runId, UploadMode.Run, cancellationToken);

    /// <summary>Claims an uploaded <paramref name="feed"/> and runs it as <paramref name="mode"/> says: a validation (nothing stored) or a
    /// replay of corrected quarantined rows (a partial run), as run <paramref name="runId"/>.</summary>
    [Queue(JobQueues.Ingest)]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [10, 60, 300])]
    [DisplayName("Ingest {2} with pipeline {0} ({4})")]
    public Task RunUploadAsync(string pipeline, string folder, string feed, string runId, UploadMode mode, CancellationToken cancellationToken) =>
        RunAsync(pipeline, folder, feed, runId, mode, cancellationToken);

    private async Task RunAsync(string pipeline, string folder, string feed, string? runId, UploadMode mode, CancellationToken cancellationToken)
    {
        await using var held = await locks.AcquireAsync("ingest:" + pipeline, TimeSpan.FromMinutes(10), cancellationToken).ConfigureAwait(false);
        var loaded = Load(pipeline);
        // The run's id is known before it starts, so that its progress is posted under it for the console to read.
        var id = runId ?? RunIds.New(time.GetUtcNow());
        var request = RunRequest.For(loaded, mode == UploadMode.Validate ? RunMode.Validate : RunMode.Run) with { RunId = id, Replay = mode == UploadMode.Replay };
        using var grace = new ShutdownGrace(options.Value.Jobs.ShutdownTimeout, cancellationToken);
        InboxRun? run;
        try
        {
            run = await new InboxRunner(runner).RunOneAsync(loaded, inboxes.Open(folder), feed, request, _progress.For(id), InboxFault.Release, grace.Token).ConfigureAwait(false);
        }
        finally
        {
            _progress.Clear(id);
        }

        _pending.Remove(folder, feed);
        if (run is null)
        {
            LogTaken(logger, feed);
            return;
        }

        LogRan(logger, run.Report.Run.Id, pipeline, feed, run.Report.Run.Status.ToString(), run.MovedTo);
    }

    private LoadedPipeline Load(string pipeline) =>
        PipelineFiles.Find(Path.GetFullPath(options.Value.Pipelines), pipeline)
        ?? throw new ProductFlowException($"no pipeline named '{pipeline}' in {options.Value.Pipelines}");

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbox {Folder}: {Feed} enqueued as job {JobId}")]
    private static partial void LogEnqueued(ILogger logger, string folder, string feed, string jobId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Feed} was claimed by another job or is gone: nothing to do")]
    private static partial void LogTaken(ILogger logger, string feed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} of {Pipeline} on {Feed}: {Status}, feed moved to {MovedTo}")]
    private static partial void LogRan(ILogger logger, string runId, string pipeline, string feed, string status, string movedTo);
}
