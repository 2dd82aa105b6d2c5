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

    public async Task<IReadOnlyList<InboxRun>> RunWaitingAsync(LoadedPipeline pipeline, IFeedInbox inbox, RunOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(inbox);
        ArgumentNullException.ThrowIfNull(options);
        var runs = new List<InboxRun>();
        foreach (var id in await inbox.ReadyAsync(cancellationToken).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await inbox.TryClaimAsync(id, cancellationToken).ConfigureAwait(false) is not { } claimed)
            {
                continue;
            }

            QualityReport report;
            try
            {
                var run = new RunOptions
                {
                    Input = claimed.Path, DataDirectory = options.DataDirectory, Mode = options.Mode, Exports = options.Exports, Events = options.Events,
                    SupplierMail = options.SupplierMail, AllowMassDelete = options.AllowMassDelete,
                };
                report = await _runner.RunAsync(pipeline, run, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch
            {
                await inbox.AbandonAsync(claimed, CancellationToken.None).ConfigureAwait(false);
                throw;
            }

            runs.Add(new InboxRun(claimed.Name, report, await inbox.CompleteAsync(claimed, report, CancellationToken.None).ConfigureAwait(false)));
        }

        return runs;
    }
}

/// <summary>One feed of the inbox and its run: the report and where the feed went (archive or failed).</summary>
public sealed record InboxRun(string Feed, QualityReport Report, string MovedTo);
