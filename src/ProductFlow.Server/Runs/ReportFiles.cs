using ProductFlow.Publishing;

namespace ProductFlow.Server.Runs;

/// <summary>Where the runs API reads reports: <c>&lt;runId&gt;/report.html</c>, <c>report.json</c>, <c>issues.csv</c>, <c>rejected.csv</c> in the
/// report store (the data folder's <c>reports/</c>, or the Blob Storage container every node writes to).</summary>
public sealed class ReportFiles(IBlobStore reports)
{
    public IBlobStore Store => reports;

    public Task<Stream?> OpenAsync(string runId, string file, CancellationToken cancellationToken) =>
        reports.OpenReadAsync($"{runId}/{file}", cancellationToken);
}
