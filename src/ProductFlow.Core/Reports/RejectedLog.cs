using System.Globalization;
using ProductFlow.Csv;
using ProductFlow.Mapping;
using ProductFlow.Model;

namespace ProductFlow.Reports;

/// <summary>Writes <c>rejected.csv</c>: each rejected source row in the supplier's own columns and delimiter, with its reasons.</summary>
/// <remarks>
/// Columns <c>pf_line</c>, <c>pf_rule</c>, <c>pf_column</c>, <c>pf_message</c> (all reasons joined with <c>; </c>) and
/// <c>pf_raw</c> (the raw text of a row that could not be split) follow the supplier's columns. The CSV connector
/// ignores <c>pf_*</c> columns and undoes the formula guard, so a steward can fix the file and drop it again.
/// </remarks>
public sealed class RejectedLog : IAsyncDisposable
{
    public const string FileName = "rejected.csv";

    private static readonly string[] ProductFlowColumns = ["pf_line", "pf_rule", "pf_column", "pf_message", "pf_raw"];

    private readonly string _path;
    private GuardedCsvWriter? _csv;
    private int _columns;

    public RejectedLog(string path) => _path = path;

    public long Count { get; private set; }

    public void Add(MappedRecord rejected)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        var row = rejected.Row;
        if (_csv is null)
        {
            _columns = row.Header.Columns.Count;
            _csv = GuardedCsvWriter.Create(_path, row.Header.Delimiter);
            _csv.WriteHeader(row.Header.Columns.Concat(ProductFlowColumns));
        }

        for (var i = 0; i < _columns; i++)
        {
            _csv.WriteText(row[i]);
        }

        var errors = rejected.Issues.Where(i => i.Severity == Severity.Error && i.Channel is null).ToList();
        _csv.WriteNumber(row.Line.ToString(CultureInfo.InvariantCulture));
        _csv.WriteText(string.Join("; ", errors.Select(e => e.Rule).Distinct()));
        _csv.WriteText(string.Join("; ", errors.Select(e => e.Column).OfType<string>().Distinct()));
        _csv.WriteText(string.Join("; ", errors.Select(e => e.Message)));
        _csv.WriteText(row.Raw);
        _csv.EndRecord();
        Count++;
    }

    public async ValueTask DisposeAsync()
    {
        if (_csv is not null)
        {
            await _csv.DisposeAsync().ConfigureAwait(false);
        }
    }
}
