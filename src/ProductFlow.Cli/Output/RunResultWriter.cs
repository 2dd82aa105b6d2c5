using System.Globalization;
using System.Text.Json;
using ProductFlow.Reports;

namespace ProductFlow.Cli.Output;

/// <summary>Prints a run's result on stdout: a short summary for people, or exactly one JSON object with <c>--json</c>.</summary>
internal static class RunResultWriter
{
    public static void WriteJson(QualityReport report, Stream output)
    {
        var run = report.Run;
        using var writer = new Utf8JsonWriter(output, CliJson.Options);
        writer.WriteStartObject();
        writer.WriteString("runId", run.Id);
        writer.WriteString("pipeline", run.Pipeline);
        writer.WriteString("status", run.Status.ToString().ToLowerInvariant());
        ReportJsonWriter.WriteCounts(writer, run.Counts);
        ReportJsonWriter.WriteMap(writer, "published", report.Published);
        writer.WriteStartArray("publications");
        report.Publications.ForEach(p => Publishing.PublishResultJson.Write(writer, p));
        writer.WriteEndArray();
        ReportJsonWriter.WriteMap(writer, "issuesByRule", report.IssuesByRule);
        writer.WriteStartObject("outputs");
        writer.WriteString("report", report.Folder);
        ReportJsonWriter.WriteMap(writer, "exports", report.Exports);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.Flush();
        output.WriteByte((byte)'\n');
    }

    /// <summary>The summary for people: a coloured table on a terminal, plain text when stdout is a pipe or a file.</summary>
    public static void WriteSummary(QualityReport report)
    {
        if (Console.IsOutputRedirected)
        {
            WriteText(report, Console.Out);
        }
        else
        {
            RunSummaryTable.Write(report, Spectre.Console.AnsiConsole.Console);
        }
    }

    public static void WriteText(QualityReport report, TextWriter output)
    {
        var run = report.Run;
        var counts = run.Counts;
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(inv, $"{report.Mode} {run.Id}  pipeline {run.Pipeline}  {run.Status.ToString().ToLowerInvariant()}"));
        output.WriteLine(string.Create(inv, $"  read      {counts.Read,9:N0}"));
        output.WriteLine(string.Create(inv, $"  accepted  {counts.Accepted,9:N0}   ({counts.Changed:N0} new or changed)"));
        if (counts.Removed > 0)
        {
            output.WriteLine(string.Create(inv, $"  removed   {counts.Removed,9:N0}   (full run: no longer in the feed)"));
        }

        output.WriteLine(string.Create(inv, $"  rejected  {counts.Rejected,9:N0}"));
        if (counts.Skipped > 0)
        {
            output.WriteLine(string.Create(inv, $"  skipped   {counts.Skipped,9:N0}   (empty rows)"));
        }

        output.WriteLine(string.Create(inv, $"  warnings  {counts.Warnings,9:N0}"));
        foreach (var (rule, count) in report.IssuesByRule.OrderByDescending(r => r.Value))
        {
            output.WriteLine(string.Create(inv, $"  issue     {count,9:N0}  {rule}"));
        }

        foreach (var publication in report.Publications)
        {
            output.WriteLine(string.Create(inv, $"  published {publication.Records,9:N0}  {Describe(publication)}"));
        }

        if (report.Failure is { } failure)
        {
            output.WriteLine(string.Create(inv, $"  failed    {failure.Message}"));
        }

        if (report.EmailTo is { } to)
        {
            output.WriteLine(string.Create(inv, $"  email     rejected rows sent to {to}"));
        }

        if (report.EmailError is { } emailError)
        {
            output.WriteLine(string.Create(inv, $"  email     {emailError}"));
        }

        output.WriteLine(string.Create(inv, $"  report    {Path.Combine(report.Folder, HtmlReportWriter.FileName)}"));
    }

    /// <summary>A channel's publication in a run's summary: <c>partner v3 (delta: 2 added, 1 changed, 0 removed): path</c>, or unchanged.</summary>
    public static string Describe(Publishing.PublishResult publication)
    {
        ArgumentNullException.ThrowIfNull(publication);
        var what = publication.Refused is not null ? "refused: it would remove every record"
            : publication.Published
            ? string.Create(CultureInfo.InvariantCulture, $"{Channels.ExportModeNames.Name(publication.Mode)}: {publication.Added:N0} added, {publication.Changed:N0} changed, {publication.Removed:N0} removed")
            : "unchanged";
        return string.Create(CultureInfo.InvariantCulture, $"{publication.Channel} v{publication.Version} ({what}): {publication.Location}");
    }
}
