using ProductFlow.Reports;
using ProductFlow.Running;
using ProductFlow.Server.Configuration;
using ProductFlow.Server.Console.Access;
using ProductFlow.Server.Runs;
using ProductFlow.Store;

namespace ProductFlow.Server.Console.Runs;

/// <summary>Finds a run for the console: its record, its progress, its report; a validation (no record: nothing was stored) by its progress
/// while it runs and by its report after. A run of a pipeline the user does not work on is not found, as one that does not exist.</summary>
public sealed class RunLookup(StoreProvider stores, ReportFiles reports, RunProgressBoard progress)
{
    public async Task<RunPageModel?> FindAsync(string id, ConsoleUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        RunRecord? run;
        var store = await stores.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            run = await store.FindRunAsync(id, cancellationToken).ConfigureAwait(false);
        }

        var running = run is null || RunText.IsActive(run.Status) ? progress.Read(id) : null;
        var report = run is { Status: RunStatus.Queued or RunStatus.Running } ? null : await ReadReportAsync(id, cancellationToken).ConfigureAwait(false);
        var pipeline = run?.Pipeline ?? report?.Pipeline ?? running?.Pipeline;
        if (pipeline is null || !user.MayWorkOn(pipeline) || (run is null && report is { IsValidation: false }))
        {
            return null;
        }

        return new RunPageModel(id, pipeline, run, running, report, run is { Status: RunStatus.Failed });
    }

    private async Task<ReportSummary?> ReadReportAsync(string id, CancellationToken cancellationToken)
    {
        var json = await reports.OpenAsync(id, ReportJsonWriter.FileName, cancellationToken).ConfigureAwait(false);
        if (json is null)
        {
            return null;
        }

        await using (json.ConfigureAwait(false))
        {
            return await ReportSummary.ReadAsync(json, cancellationToken).ConfigureAwait(false);
        }
    }
}
