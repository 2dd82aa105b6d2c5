using ProductFlow.Connectors;
using ProductFlow.Connectors.Csv;
using ProductFlow.Connectors.Replay;

namespace ProductFlow.Steward;

/// <summary>Turns a corrected quarantine file (the CSV <see cref="QuarantineCsv"/> wrote, edited by a steward or the supplier) into a
/// <see cref="ReplayFile"/>, so that it replays through the pipeline's current mapping and rules whatever the pipeline's own format is.</summary>
/// <remarks>
/// The CSV is read by the CSV connector (encoding and delimiter detected, <c>pf_*</c> columns dropped, the formula guard undone), one row at a
/// time. Each row keeps its line in the corrected file (the replay's <c>supplier.csv:12</c> location). A row the reader could not split is
/// refused with its line: a replay never guesses at a broken row. A blank row is skipped, as a run skips it.
/// </remarks>
public static class CorrectedFeed
{
    /// <summary>Writes the rows of the CSV at <paramref name="csvPath"/> to <paramref name="output"/> as a replay file named
    /// <paramref name="feedName"/>; returns how many rows. A row that cannot be read fails with <see cref="FeedReadException"/>.</summary>
    public static async Task<long> ConvertAsync(string csvPath, string feedName, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(csvPath);
        ArgumentNullException.ThrowIfNull(output);
        long rows = 0;
        var source = new FeedSource(csvPath) { Encoding = "auto", HeaderRead = header => ReplayFile.WriteHeader(output, null, feedName, header.Delimiter, header.Columns) };
        await foreach (var row in new CsvFeedReader().ReadAsync(source, cancellationToken).ConfigureAwait(false))
        {
            if (row.Problem is { } problem)
            {
                throw new FeedReadException($"{feedName}: line {row.Line}: {problem.Message}", csvPath, row.Line);
            }

            if (row.IsBlank)
            {
                continue;
            }

            ReplayFile.WriteRow(output, row.Line, row.Fields);
            rows++;
        }

        return rows;
    }
}
