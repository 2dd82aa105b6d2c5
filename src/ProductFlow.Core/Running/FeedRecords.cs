using ProductFlow.Connectors;
using ProductFlow.Reports;

namespace ProductFlow.Running;

/// <summary>The rows of a feed a run checks.</summary>
internal static class FeedRecords
{
    /// <summary>The feed's rows that are records: each header's issues reported once, and an empty row (;;;; at the end of a spreadsheet
    /// export) counted as skipped, never rejected.</summary>
    public static async IAsyncEnumerable<SourceRow> Of(IAsyncEnumerable<SourceRow> rows, IssueLog issues, QualityReport report)
    {
        FeedHeader? header = null;
        await foreach (var row in rows.ConfigureAwait(false))
        {
            if (!ReferenceEquals(row.Header, header))
            {
                header = row.Header;
                foreach (var issue in header.Issues)
                {
                    issues.Add(issue);
                    report.Count(issue);
                }
            }

            if (row.IsBlank)
            {
                report.Run.Counts.Skipped++;
                continue;
            }

            yield return row;
        }
    }
}
