using ProductFlow.Model;
using ProductFlow.Store;

namespace ProductFlow.Reports;

/// <summary>What a run accepted, rejected and why: aggregated while the feed streams, written as report.json.</summary>
/// <remarks>Also the outcome of a run: <see cref="RunRecord.Status"/> and <see cref="Failure"/> say how it ended.</remarks>
public sealed class QualityReport
{
    public QualityReport(RunRecord run, string mode, string folder)
    {
        ArgumentNullException.ThrowIfNull(run);
        Run = run;
        Mode = mode;
        Folder = folder;
    }

    public RunRecord Run { get; }

    /// <summary><c>run</c> or <c>validate</c>.</summary>
    public string Mode { get; }

    /// <summary>The run's report folder (absolute).</summary>
    public string Folder { get; }

    public SortedDictionary<string, long> IssuesByRule { get; } = new(StringComparer.Ordinal);

    /// <summary>Issues per canonical field (issues without a field are not counted here).</summary>
    public SortedDictionary<string, long> IssuesByField { get; } = new(StringComparer.Ordinal);

    /// <summary>Issues per source column, as the feed's header writes it (issues without a column are not counted here).</summary>
    public SortedDictionary<string, long> IssuesByColumn { get; } = new(StringComparer.Ordinal);

    /// <summary>Records each channel holds after this run's publication.</summary>
    public SortedDictionary<string, long> Published { get; } = new(StringComparer.Ordinal);

    /// <summary>The current data file of every channel this run published (absolute path or URL), a new version or the unchanged one.</summary>
    public SortedDictionary<string, string> Exports { get; } = new(StringComparer.Ordinal);

    /// <summary>What this run's publication did per channel: version, mode, rows, and what changed.</summary>
    public List<Publishing.PublishResult> Publications { get; } = [];

    public List<ChannelCompleteness> Completeness { get; } = [];

    /// <summary>The first issues of the run, at most <see cref="IssueLog.EmbeddedLimit"/>; <see cref="IssuesTotal"/> counts them all.</summary>
    public IReadOnlyList<Issue> Issues { get; set; } = [];

    public long IssuesTotal { get; set; }

    public RunFailure? Failure { get; set; }

    /// <summary>Where the supplier email went, when one was sent (see <see cref="Notifications.SupplierMail"/>).</summary>
    public string? EmailTo { get; set; }

    /// <summary>Why the supplier email was not sent, when it failed; the run stays completed.</summary>
    public string? EmailError { get; set; }

    public void Count(Issue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        IssuesByRule[issue.Rule] = IssuesByRule.GetValueOrDefault(issue.Rule) + 1;
        if (issue.Field is { } field)
        {
            IssuesByField[field] = IssuesByField.GetValueOrDefault(field) + 1;
        }

        if (issue.Column is { } column)
        {
            IssuesByColumn[column] = IssuesByColumn.GetValueOrDefault(column) + 1;
        }
        if (issue.Severity == Severity.Warning)
        {
            Run.Counts.Warnings++;
        }
    }
}
