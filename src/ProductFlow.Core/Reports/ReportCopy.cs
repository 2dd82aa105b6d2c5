using ProductFlow.Publishing;

namespace ProductFlow.Reports;

/// <summary>Copies a run's report folder (report.html, report.json, issues.csv, rejected.csv) into a report store as <c>&lt;runId&gt;/&lt;file&gt;</c>.</summary>
public static class ReportCopy
{
    public static async Task CopyAsync(string folder, IBlobStore reports, string runId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reports);
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            var upload = await reports.CreateAsync($"{runId}/{Path.GetFileName(file)}", cancellationToken).ConfigureAwait(false);
            await using (upload.ConfigureAwait(false))
            {
                var input = File.OpenRead(file);
                await using (input.ConfigureAwait(false))
                {
                    await input.CopyToAsync(upload.Content, cancellationToken).ConfigureAwait(false);
                }

                await upload.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
