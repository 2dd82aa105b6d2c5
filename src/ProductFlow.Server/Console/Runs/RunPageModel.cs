using ProductFlow.Running;
using ProductFlow.Store;

namespace ProductFlow.Server.Console.Runs;

/// <summary>What the run page shows: the run (or a validation, which has no run record), its progress while it runs, its report when it is
/// written, and whether the user may retry it.</summary>
public sealed record RunPageModel(string Id, string Pipeline, RunRecord? Run, RunProgress? Progress, ReportSummary? Report, bool MayRetry)
{
    public bool IsValidation => Run is null;

    /// <summary>The run's state as the page and its script name it: queued, running, completed or failed (a validation: running until its report).</summary>
    public string State => Run is { } run ? RunText.Status(run.Status)
        : Report is { } report ? (report.Status is "failed" ? "failed" : "completed")
        : "running";

    public bool IsActive => State is "queued" or "running";

    public RunCounts Counts => Run?.Counts ?? Report?.Counts ?? new RunCounts();
}
