using System.Text.Json;
using ProductFlow.Events;
using ProductFlow.Json;
using ProductFlow.Reports;
using ProductFlow.Store;

namespace ProductFlow.Reports;

/// <summary><c>ProductFlow.Feed.Accepted</c> (the run completed) or <c>ProductFlow.Feed.Rejected</c> (it failed), raised after the run's report is written.</summary>
/// <remarks>
/// Its id is <c>&lt;runId&gt;:accepted</c> or <c>&lt;runId&gt;:rejected</c>: a run ends once. Data: <c>runId, pipeline, status, feed {name, size, sha256}, counts {read, accepted, rejected, warnings, changed[, removed]},
/// report</c> (the report folder) and, when rejected, <c>failure {message, rule?, file?, line?}</c>. A completed run with
/// rejected records is still accepted: its accepted records are stored; the counts say how many were quarantined.
/// </remarks>
public sealed class FeedProcessedEvent : ProductFlowEvent
{
    public FeedProcessedEvent(QualityReport report)
        : base(report?.Run.Finished ?? throw new ArgumentException("the run has not finished", nameof(report)))
    {
        Report = report;
    }

    public QualityReport Report { get; }

    public bool Accepted => Report.Run.Status == RunStatus.Completed;

    public override string Id => Report.Run.Id + (Accepted ? ":accepted" : ":rejected");

    public override string Type => Accepted ? EventTypes.FeedAccepted : EventTypes.FeedRejected;

    public override string Source => $"{SourcePrefix}/pipelines/{Report.Run.Pipeline}";

    public override string Subject => $"feeds/{Report.Run.Pipeline}/{Report.Run.Id}";

    protected override void WriteData(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var run = Report.Run;
        writer.WriteString("runId", run.Id);
        writer.WriteString("pipeline", run.Pipeline);
        writer.WriteString("status", run.Status.ToString().ToLowerInvariant());
        ReportJsonWriter.WriteFeed(writer, run.Feed);
        ReportJsonWriter.WriteCounts(writer, run.Counts);
        writer.WriteString("report", Report.Folder);
        if (Report.Failure is { } failure)
        {
            writer.WriteStartObject("failure");
            writer.WriteString("message", failure.Message);
            writer.WriteOptional("rule", failure.Rule);
            writer.WriteOptional("file", failure.File);

            if (failure.Line is { } line)
            {
                writer.WriteNumber("line", line);
            }

            writer.WriteEndObject();
        }
    }
}
