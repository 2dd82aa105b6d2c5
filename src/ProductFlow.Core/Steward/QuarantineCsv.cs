using System.Globalization;
using System.Text.Json;
using ProductFlow.Csv;
using ProductFlow.Model;
using ProductFlow.Store;

namespace ProductFlow.Steward;

/// <summary>Writes a pipeline's open quarantine entries as the supplier's own CSV with the reasons, as <c>rejected.csv</c> has them: the source
/// columns first, then <c>pf_run</c>, <c>pf_line</c>, <c>pf_rule</c>, <c>pf_column</c>, <c>pf_message</c> and <c>pf_raw</c>.</summary>
/// <remarks>
/// The CSV connector ignores <c>pf_*</c> columns and undoes the formula guard, so the file, corrected, goes back as it is
/// (<see cref="CorrectedFeed"/>). Two passes over the store: the first gathers the columns (entries of several runs may have had different
/// headers; a column is placed where it was first seen), the second writes the rows; no entry is held past its row.
/// </remarks>
public static class QuarantineCsv
{
    private static readonly string[] ProductFlowColumns = ["pf_run", "pf_line", "pf_rule", "pf_column", "pf_message", "pf_raw"];

    /// <summary>Writes the open entries of <paramref name="runs"/> (those whose issues include <paramref name="rule"/>, when given) to
    /// <paramref name="output"/> (left open), UTF-8 with a byte order mark; returns how many rows.</summary>
    public static async Task<long> WriteAsync(
        IProductStore store, IReadOnlySet<string> runs, string? rule, Stream output, char delimiter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(output);
        var columns = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var entry in Selected(store, runs, rule, cancellationToken).ConfigureAwait(false))
        {
            using var source = JsonDocument.Parse(entry.Source);
            foreach (var field in source.RootElement.EnumerateObject().Where(f => f.Name != "raw" && seen.Add(f.Name)))
            {
                columns.Add(field.Name);
            }
        }

        await using var csv = GuardedCsvWriter.Create(output, delimiter, leaveOpen: true);
        csv.WriteHeader(columns.Concat(ProductFlowColumns));
        long rows = 0;
        await foreach (var entry in Selected(store, runs, rule, cancellationToken).ConfigureAwait(false))
        {
            using var source = JsonDocument.Parse(entry.Source);
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var field in source.RootElement.EnumerateObject())
            {
                fields.TryAdd(field.Name, field.Value.GetString() ?? "");
            }

            foreach (var column in columns)
            {
                csv.WriteText(fields.GetValueOrDefault(column, ""));
            }

            var errors = QuarantinedRow.IssuesOf(entry).Where(i => i.Severity == Severity.Error).ToList();
            csv.WriteText(entry.RunId);
            csv.WriteNumber(entry.Line.ToString(CultureInfo.InvariantCulture));
            csv.WriteText(string.Join("; ", errors.Select(e => e.Rule).Distinct()));
            csv.WriteText(string.Join("; ", errors.Select(e => e.Column).OfType<string>().Distinct()));
            csv.WriteText(string.Join("; ", errors.Select(e => e.Message)));
            csv.WriteText(fields.GetValueOrDefault("raw"));
            csv.EndRecord();
            rows++;
        }

        return rows;
    }

    private static async IAsyncEnumerable<QuarantineEntry> Selected(
        IProductStore store, IReadOnlySet<string> runs, string? rule, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entry in store.ReadQuarantineAsync(false, cancellationToken).ConfigureAwait(false))
        {
            if (runs.Contains(entry.RunId) && (rule is null || QuarantinedRow.IssuesOf(entry).Any(i => i.Rule == rule)))
            {
                yield return entry;
            }
        }
    }
}
