using Hangfire;
using Microsoft.Extensions.Options;
using ProductFlow.Publishing;
using ProductFlow.Running;
using ProductFlow.Server.Configuration;
using ProductFlow.Server.Inbox;
using ProductFlow.Server.Jobs;
using ProductFlow.Store;

namespace ProductFlow.Server.Uploads;

/// <summary>The one way a feed handed to the service becomes a run: streamed into the pipeline's inbox, recorded as a queued run, and its
/// ingestion job enqueued with that run's id. Supplier uploads, the console's uploads and retries all come through here.</summary>
/// <remarks>The feed is marked pending for its inbox before it becomes ready, so the inbox's poll never enqueues it a second time.</remarks>
public sealed class FeedIntake(StoreProvider stores, InboxProvider inboxes, IBackgroundJobClient jobs, JobStorage storage, TimeProvider time)
{
    private readonly PendingFeeds _pending = new(storage, time);
    private readonly Runs.RunProgressBoard _progress = new(storage);

    public StoreProvider Stores => stores;

    /// <summary>Streams <paramref name="content"/> into <paramref name="pipeline"/>'s inbox as <paramref name="fileName"/> and queues its run.</summary>
    /// <param name="pipeline">The pipeline's name.</param>
    /// <param name="fileName">The file name the feed came with (made safe; prefixed with the run id, so two uploads never collide).</param>
    /// <param name="content">Read to its end, never held whole.</param>
    /// <param name="submittedBy">Who asked (<c>supplier:acme</c>, <c>operator</c>): who may follow the run.</param>
    /// <param name="maxBytes">The most a feed may hold: past it the upload stops with <see cref="FeedTooLargeException"/> and nothing is kept.</param>
    /// <param name="cancellationToken">Stops the upload; nothing is kept.</param>
    /// <param name="mode">What the feed is run as: a run (default), a validation (no run is recorded: nothing is stored) or a replay.</param>
    public async Task<QueuedRun> AcceptAsync(
        string pipeline, string fileName, Stream content, string submittedBy, long maxBytes, CancellationToken cancellationToken, UploadMode mode = UploadMode.Run)
    {
        ArgumentNullException.ThrowIfNull(content);
        var runId = RunIds.New(time.GetUtcNow());
        var folder = inboxes.FolderOf(pipeline);
        var name = $"{runId}-{ProductFlow.Primitives.InboxNames.Safe(fileName)}";
        HashingStream? hashing = null;
        var feed = await inboxes.Open(folder).AcceptAsync(
            name,
            async (output, ct) =>
            {
                hashing = new HashingStream(output);
                var buffer = new byte[1 << 16];
                int read;
                while ((read = await content.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
                {
                    if (hashing.Bytes + read > maxBytes)
                    {
                        throw new FeedTooLargeException(maxBytes);
                    }

                    await hashing.WriteAsync(buffer.AsMemory(0, read), ct).ConfigureAwait(false);
                }
            },
            id => mode == UploadMode.Validate
                ? MarkPending(folder, id, () => _progress.Announce(runId, pipeline))
                : RecordAsync(pipeline, folder, id, runId, new FeedInfo(name, hashing!.Bytes, hashing.Sha256), submittedBy, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        return Enqueue(pipeline, folder, feed, runId, mode);
    }

    /// <summary>Queues a new run of the feed <paramref name="run"/> read (from <c>archive/</c> or <c>failed/</c>); null when that feed is gone.</summary>
    public async Task<QueuedRun?> RequeueAsync(RunRecord run, string submittedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var runId = RunIds.New(time.GetUtcNow());
        var folder = inboxes.FolderOf(run.Pipeline);
        var original = run.Feed.Name.StartsWith(run.Id + "-", StringComparison.Ordinal) ? run.Feed.Name[(run.Id.Length + 1)..] : run.Feed.Name;
        var name = $"{runId}-{ProductFlow.Primitives.InboxNames.Safe(original)}";
        var feed = await inboxes.Open(folder).RequeueAsync(
            run.Id, name, id => RecordAsync(run.Pipeline, folder, id, runId, run.Feed with { Name = name }, submittedBy, cancellationToken), cancellationToken).ConfigureAwait(false);
        return feed is null ? null : Enqueue(run.Pipeline, folder, feed, runId, UploadMode.Run);
    }

    /// <summary>Before the feed is ready: its run is recorded as queued, and the feed marked pending so that no poll enqueues it too.</summary>
    private async Task RecordAsync(string pipeline, string folder, string feed, string runId, FeedInfo info, string submittedBy, CancellationToken cancellationToken)
    {
        var store = await stores.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            await store.SaveRunAsync(
                new RunRecord { Id = runId, Pipeline = pipeline, Feed = info, Started = time.GetUtcNow(), Status = RunStatus.Queued, SubmittedBy = submittedBy },
                cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        _pending.TryAdd(folder, feed);
    }

    /// <summary>A validation records no run: the feed is marked pending, and the validation announced where the console finds it.</summary>
    private Task MarkPending(string folder, string feed, Action announce)
    {
        _pending.TryAdd(folder, feed);
        announce();
        return Task.CompletedTask;
    }

    /// <summary>Once the feed is ready: its job, which claims it and runs it as <paramref name="runId"/>.</summary>
    private QueuedRun Enqueue(string pipeline, string folder, string feed, string runId, UploadMode mode)
    {
        if (mode == UploadMode.Run)
        {
            jobs.Enqueue<IngestionJobs>(j => j.RunFeedAsync(pipeline, folder, feed, runId, CancellationToken.None));
        }
        else
        {
            jobs.Enqueue<IngestionJobs>(j => j.RunUploadAsync(pipeline, folder, feed, runId, mode, CancellationToken.None));
        }

        return new QueuedRun(runId, pipeline, mode == UploadMode.Validate ? "validating" : "queued", $"/runs/{runId}");
    }
}
