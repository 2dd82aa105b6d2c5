using ProductFlow.Pipelines;
using ProductFlow.Reports;
using ProductFlow.Running;

namespace ProductFlow.Inbox;

/// <summary>Runs a pipeline on every feed waiting in its inbox, one claimed feed after the other.</summary>
/// <remarks>
/// Each feed is its own run (own run id and report). A run that cannot read its feed moves it to <c>failed/</c>; an
/// exception that ends a run without a report (the store is unavailable, cancellation) moves the feed to
/// <c>failed/</c> too, then propagates, so no feed stays stranded in <c>processing/</c>. Running a feed twice changes
/// nothing twice: the store keeps a product's version when its content hash is unchanged.
/// </remarks>
public sealed class InboxRunner
{
    private readonly PipelineRunner _runner;

    public InboxRunner(PipelineRunner runner)
    {
        ArgumentNullException.ThrowIfNull(runner);
        _runner = runner;
    }

    /// <summary>Runs each waiting feed as <paramref name="request"/> says, with the claimed feed as its input: every other flag is kept.</summary>
    public async Task<IReadOnlyList<InboxRun>> RunWaitingAsync(
        LoadedPipeline pipeline, IFeedInbox inbox, RunRequest request, IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(inbox);
        ArgumentNullException.ThrowIfNull(request);
        var runs = new List<InboxRun>();
        foreach (var id in await inbox.ReadyAsync(cancellationToken).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await RunOneAsync(pipeline, inbox, id, request, progress, InboxFault.Abandon, cancellationToken).ConfigureAwait(false) is { } run)
            {
                runs.Add(run);
            }
        }

        return runs;
    }

    /// <summary>Claims the feed <paramref name="id"/> and runs it; null when another process claimed it first (or it is gone).</summary>
    /// <remarks>When the run ends without a report (the store is down, cancellation), <paramref name="onFault"/> says what becomes of the
    /// feed: kept in <c>failed/</c>, or put back in the inbox for a retry.</remarks>
    public async Task<InboxRun?> RunOneAsync(
        LoadedPipeline pipeline, IFeedInbox inbox, string id, RunRequest request, IProgress<RunProgress>? progress, InboxFault onFault, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(inbox);
        ArgumentNullException.ThrowIfNull(request);
        if (await inbox.TryClaimAsync(id, cancellationToken).ConfigureAwait(false) is not { } claimed)
        {
            return null;
        }

        QualityReport report;
        try
        {
            report = await _runner.RunAsync(pipeline, request with { Input = claimed.Path }, progress, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            if (onFault == InboxFault.Release)
            {
                await inbox.ReleaseAsync(claimed, CancellationToken.None).ConfigureAwait(false);
            }
            else
            {
                await inbox.AbandonAsync(claimed, CancellationToken.None).ConfigureAwait(false);
            }

            throw;
        }

        return new InboxRun(claimed.Name, report, await inbox.CompleteAsync(claimed, report, CancellationToken.None).ConfigureAwait(false));
    }
}

/// <summary>What becomes of a claimed feed whose run ended without a report.</summary>
public enum InboxFault
{
    /// <summary>Moved to <c>failed/</c> (the CLI: a person looks at it).</summary>
    Abandon,

    /// <summary>Put back in the inbox (service mode: the job is retried).</summary>
    Release,
}

/// <summary>One feed of the inbox and its run: the report and where the feed went (archive or failed).</summary>
public sealed record InboxRun(string Feed, QualityReport Report, string MovedTo);
