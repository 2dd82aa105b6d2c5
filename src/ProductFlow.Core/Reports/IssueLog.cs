using ProductFlow.Csv;
using ProductFlow.Model;

namespace ProductFlow.Reports;

/// <summary>Writes every issue of a run to <c>issues.csv</c> as it is found, and keeps the first ones for the reports.</summary>
/// <remarks>
/// The only in-memory copy of a run's issues: report.json embeds the first <see cref="ReportJsonWriter.EmbeddedLimit"/>
/// of them, report.html all <see cref="EmbeddedLimit"/>; memory stays flat whatever the number of issues.
/// </remarks>
public sealed class IssueLog : IAsyncDisposable
{
    public const string FileName = "issues.csv";

    /// <summary>How many issues the log keeps for the reports (report.html embeds them all); issues.csv always has every issue.</summary>
    public const int EmbeddedLimit = 2000;

    private static readonly string[] Columns = ["severity", "rule", "sku", "feed", "line", "column", "field", "value", "channel", "message"];

    private readonly GuardedCsvWriter _csv;
    private readonly List<Issue> _first = [];

    public IssueLog(string path)
    {
        _csv = GuardedCsvWriter.Create(path);
        _csv.WriteHeader(Columns);
    }

    public long Count { get; private set; }

    public IReadOnlyList<Issue> First => _first;

    public void Add(Issue issue)
    {
        ArgumentNullException.ThrowIfNull(issue);
        Count++;
        if (_first.Count < EmbeddedLimit)
        {
            _first.Add(issue);
        }

        _csv.WriteText(issue.Severity.Code());
        _csv.WriteText(issue.Rule);
        _csv.WriteText(issue.Sku);
        _csv.WriteText(issue.Feed);
        _csv.WriteNumber(issue.Line?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _csv.WriteText(issue.Column);
        _csv.WriteText(issue.Field);
        _csv.WriteText(issue.Value);
        _csv.WriteText(issue.Channel);
        _csv.WriteText(issue.Message);
        _csv.EndRecord();
    }

    public ValueTask DisposeAsync() => _csv.DisposeAsync();
}
