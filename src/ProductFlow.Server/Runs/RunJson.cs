using System.Text.Json;
using ProductFlow.Reports;
using ProductFlow.Store;

namespace ProductFlow.Server.Runs;

/// <summary>A run as the runs API shows it: the store's record, what its report.json adds (issues by rule, publications), and its links.</summary>
internal static class RunJson
{
    public static void Write(Utf8JsonWriter writer, RunRecord run, JsonElement? report = null)
    {
        writer.WriteStartObject();
        writer.WriteString("id", run.Id);
        writer.WriteString("pipeline", run.Pipeline);
        writer.WriteString("status", run.Status.ToString().ToLowerInvariant());
        ReportJsonWriter.WriteFeed(writer, run.Feed);
        writer.WriteString("started", run.Started);
        if (run.Finished is { } finished)
        {
            writer.WriteString("finished", finished);
        }

        ReportJsonWriter.WriteCounts(writer, run.Counts);
        if (run.SubmittedBy is { } by)
        {
            writer.WriteString("submittedBy", by);
        }

        if (report is { } json)
        {
            foreach (var name in new[] { "issuesByRule", "issuesTotal", "publications", "failure" })
            {
                if (json.TryGetProperty(name, out var value))
                {
                    writer.WritePropertyName(name);
                    value.WriteTo(writer);
                }
            }
        }

        writer.WriteStartObject("links");
        writer.WriteString("self", $"/runs/{run.Id}");
        writer.WriteString("report", $"/runs/{run.Id}/report");
        writer.WriteString("reportJson", $"/runs/{run.Id}/report.json");
        writer.WriteString("issues", $"/runs/{run.Id}/issues.csv");
        writer.WriteString("rejected", $"/runs/{run.Id}/rejected.csv");
        if (run.Status == RunStatus.Failed)
        {
            writer.WriteString("retry", $"/runs/{run.Id}/retry");
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
