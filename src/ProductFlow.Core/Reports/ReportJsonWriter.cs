using System.Text.Json;
using ProductFlow.Json;
using ProductFlow.Model;
using ProductFlow.Store;

namespace ProductFlow.Reports;

/// <summary>Writes report.json, the machine-readable quality report documented by <c>schemas/report.schema.json</c>.</summary>
public static class ReportJsonWriter
{
    public const string FileName = "report.json";

    /// <summary>How many issues report.json embeds (the first ones); issues.csv has them all.</summary>
    public const int EmbeddedLimit = 1000;

    public static void Write(QualityReport report, string path)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        Write(report, writer);
    }

    public static void Write(QualityReport report, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        var run = report.Run;
        writer.WriteStartObject();
        writer.WriteString("runId", run.Id);
        writer.WriteString("pipeline", run.Pipeline);
        writer.WriteString("mode", report.Mode);
        writer.WriteString("status", run.Status.ToString().ToLowerInvariant());
        WriteFeed(writer, run.Feed);
        writer.WriteString("startedAt", run.Started);
        if (run.Finished is { } finished)
        {
            writer.WriteString("finishedAt", finished);
            writer.WriteNumber("durationMs", (long)(finished - run.Started).TotalMilliseconds);
        }

        WriteCounts(writer, run.Counts);
        WriteMap(writer, "published", report.Published);
        writer.WriteStartArray("publications");
        foreach (var publication in report.Publications)
        {
            Publishing.PublishResultJson.Write(writer, publication);
        }

        writer.WriteEndArray();
        WriteCompleteness(writer, report.Completeness);
        WriteMap(writer, "issuesByRule", report.IssuesByRule);
        writer.WriteNumber("issuesTotal", report.IssuesTotal);
        var embedded = Math.Min(report.Issues.Count, EmbeddedLimit);
        writer.WriteBoolean("issuesTruncated", report.IssuesTotal > embedded);
        writer.WriteStartArray("issues");
        foreach (var issue in report.Issues.Take(embedded))
        {
            WriteIssue(writer, issue);
        }

        writer.WriteEndArray();
        if (report.Failure is { } failure)
        {
            writer.WriteStartObject("failure");
            writer.WriteString("message", failure.Message);
            writer.WriteOptional("file", failure.File);
            if (failure.Line is { } line)
            {
                writer.WriteNumber("line", line);
            }

            writer.WriteEndObject();
        }

        writer.WriteStartObject("files");
        writer.WriteString("issues", IssueLog.FileName);
        writer.WriteString("rejected", RejectedLog.FileName);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>The feed a run read: <c>"feed": {name, size, sha256}</c>, as the report, the run listing and the feed events write it.</summary>
    public static void WriteFeed(Utf8JsonWriter writer, FeedInfo feed)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(feed);
        writer.WriteStartObject("feed");
        writer.WriteString("name", feed.Name);
        writer.WriteNumber("size", feed.Size);
        writer.WriteString("sha256", feed.Sha256);
        writer.WriteEndObject();
    }

    public static void WriteCounts(Utf8JsonWriter writer, RunCounts counts)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(counts);
        writer.WriteStartObject("counts");
        writer.WriteNumber("read", counts.Read);
        writer.WriteNumber("accepted", counts.Accepted);
        writer.WriteNumber("rejected", counts.Rejected);
        writer.WriteNumber("warnings", counts.Warnings);
        writer.WriteNumber("changed", counts.Changed);
        if (counts.Removed > 0)
        {
            writer.WriteNumber("removed", counts.Removed);
        }

        if (counts.Skipped > 0)
        {
            writer.WriteNumber("skipped", counts.Skipped);
        }

        writer.WriteEndObject();
    }

    public static void WriteMap<T>(Utf8JsonWriter writer, string name, SortedDictionary<string, T> map)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(map);
        writer.WriteStartObject(name);
        foreach (var (key, value) in map)
        {
            switch (value)
            {
                case long number:
                    writer.WriteNumber(key, number);
                    break;
                default:
                    writer.WriteString(key, value?.ToString());
                    break;
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteCompleteness(Utf8JsonWriter writer, List<ChannelCompleteness> completeness)
    {
        writer.WriteStartArray("completeness");
        foreach (var item in completeness)
        {
            writer.WriteStartObject();
            writer.WriteString("channel", item.Channel);
            writer.WriteString("locale", item.Locale);
            writer.WriteNumber("records", item.Records);
            writer.WriteNumber("complete", item.Complete);
            writer.WriteNumber("ratio", Math.Round(item.Ratio, 4));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteIssue(Utf8JsonWriter writer, Issue issue)
    {
        writer.WriteStartObject();
        writer.WriteString("severity", issue.Severity.Code());
        writer.WriteString("rule", issue.Rule);
        writer.WriteOptional("sku", issue.Sku);
        writer.WriteOptional("feed", issue.Feed);
        if (issue.Line is { } line)
        {
            writer.WriteNumber("line", line);
        }

        writer.WriteOptional("column", issue.Column);
        writer.WriteOptional("field", issue.Field);
        writer.WriteOptional("value", issue.Value);
        writer.WriteOptional("channel", issue.Channel);
        writer.WriteString("message", issue.Message);
        writer.WriteEndObject();
    }
}
