using ProductFlow.Running;
using ProductFlow.Store;

namespace ProductFlow.Server.Console.Runs;

/// <summary>What the runs page shows: a page of runs (with the progress of those running), the filter, and each pipeline's trend.</summary>
public sealed record RunsPageModel(
    IReadOnlyList<RunRow> Runs, IReadOnlyList<string> Pipelines, string? Pipeline, RunStatus? Status, int Page, bool More, IReadOnlyList<PipelineTrend> Trends)
{
    /// <summary>The link to another page of the same filter.</summary>
    public string PageLink(int page)
    {
        var query = new List<string>();
        if (Pipeline is not null)
        {
            query.Add("pipeline=" + Uri.EscapeDataString(Pipeline));
        }

        if (Status is { } status)
        {
            query.Add("status=" + RunText.Status(status));
        }

        query.Add("page=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return ConsolePaths.Runs + "?" + string.Join("&", query);
    }
}

/// <summary>A run as a row of the runs page: its record, and its last posted progress while it runs.</summary>
public sealed record RunRow(RunRecord Run, RunProgress? Progress);

/// <summary>A pipeline's last finished runs, oldest first: the chart of accepted, rejected and warnings.</summary>
public sealed record PipelineTrend(string Pipeline, IReadOnlyList<RunRecord> Runs)
{
    public const int Length = 20;
}
