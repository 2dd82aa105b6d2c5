using ProductFlow.Model;
using ProductFlow.Reports;
using ProductFlow.Store;

namespace ProductFlow.Tests.Reports;

/// <summary>Quality reports of made-up runs, written where a test wants them.</summary>
internal static class SomeReport
{
    public static readonly DateTimeOffset Noon = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    public static QualityReport Create(string reportsFolder, string id, DateTimeOffset started, string pipeline = "demo", long accepted = 10, string mode = "run", params Issue[] issues)
    {
        var run = new RunRecord
        {
            Id = id,
            Pipeline = pipeline,
            Feed = new FeedInfo("feed.csv", 1234, new string('a', 64)),
            Started = started,
            Finished = started.AddSeconds(2),
            Status = RunStatus.Completed,
        };
        run.Counts.Read = accepted + 1;
        run.Counts.Accepted = accepted;
        run.Counts.Rejected = 1;
        var report = new QualityReport(run, mode, Path.Combine(reportsFolder, id));
        foreach (var issue in issues)
        {
            report.Count(issue);
        }

        report.Issues = issues;
        report.IssuesTotal = issues.Length;
        return report;
    }

    /// <summary>Writes the report's report.json in its folder, as a finished run leaves it.</summary>
    public static QualityReport Saved(this QualityReport report)
    {
        Directory.CreateDirectory(report.Folder);
        ReportJsonWriter.Write(report, Path.Combine(report.Folder, ReportJsonWriter.FileName));
        return report;
    }

    public static Issue Issue(string rule, string sku, string? field = "price", string? value = null, Severity severity = Severity.Error) =>
        new(severity, rule, $"{rule} on {sku}") { Sku = sku, Field = field, Column = field, Value = value, Line = 2, Feed = "feed.csv" };
}
