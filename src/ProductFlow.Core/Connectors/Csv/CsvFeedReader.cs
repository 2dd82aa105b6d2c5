using System.Runtime.CompilerServices;
using CsvHelper;
using ProductFlow.Connectors.Text;
using ProductFlow.Csv;
using ProductFlow.Model;

namespace ProductFlow.Connectors.Csv;

/// <summary>Streams a CSV feed with CsvHelper, strictly: malformed rows become issues with their line, never altered data.</summary>
/// <remarks>
/// A row with broken quoting or the wrong number of fields is returned with a <see cref="SourceRow.Problem"/>
/// (rules <c>csv.malformed</c>, <c>csv.field-count</c>). A quote left open at the end of the file means the
/// feed cannot be read to its end: <see cref="FeedReadException"/>. Columns named <c>pf_*</c> (added by
/// ProductFlow to rejected.csv) are ignored and the formula guard of such files is undone, so a steward can
/// fix a rejected file and drop it again.
/// </remarks>
public sealed class CsvFeedReader : IFeedReader
{
    internal const string ProductFlowColumnPrefix = "pf_";

    public async IAsyncEnumerable<SourceRow> ReadAsync(FeedSource source, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var encoding = await EncodingDetector.DetectAsync(source.Path, source.Name, source.Encoding, cancellationToken).ConfigureAwait(false);
        var problems = new Queue<CsvMalformedRecord>();
        var options = CsvReaderOptions.Default with
        {
            Separator = source.Delimiter,
            HasHeader = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            OnMalformedRecord = problems.Enqueue,
            Encoding = encoding.Transcode,
            MaxRecordSize = source.MaxRecordBytes,

            // A feed repeats most of its fields row after row (a model's names, brand, family, categories, flags):
            // one string per distinct value and column, not one per row. Columns of unique values switch pooling off.
            PoolStrings = true,
        };

        using var reader = CsvReader.Create(EncodingDetector.OpenFeed(source), options, leaveOpen: false);
        var header = await ReadHeaderAsync(reader, source, encoding, cancellationToken).ConfigureAwait(false);
        source.HeaderRead?.Invoke(header);
        var kept = KeptColumns(reader.Headers);
        var returnedFile = kept.Length != reader.Headers.Count;

        // A pass that reads a few columns (a survey) leaves the other fields empty: they are not decoded, nor made strings.
        // Scanning the record is the same, so are its checks: malformed quoting and field counts are found as in a full read.
        var read = ColumnsRead(source, header);
        var buffers = new RowBuffers(kept.Length);

        while (true)
        {
            bool more;
            try
            {
                more = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (CsvFormatException e)
            {
                throw new FeedReadException($"{source.Name}: line {e.LineNumber}: {e.Message}", source.Path, e.LineNumber, e);
            }

            while (problems.TryDequeue(out var problem))
            {
                yield return Malformed(source, header, problem);
            }

            if (!more)
            {
                yield break;
            }

            var fields = buffers.Take();
            if (read is null)
            {
                for (var i = 0; i < kept.Length; i++)
                {
                    fields[i] = Field(reader, kept[i], returnedFile);
                }
            }
            else
            {
                Array.Fill(fields, "");
                foreach (var i in read)
                {
                    fields[i] = Field(reader, kept[i], returnedFile);
                }
            }

            yield return new SourceRow(source.Name, reader.LineNumber, header, fields) { Buffers = buffers };
        }
    }

    private static async Task<FeedHeader> ReadHeaderAsync(CsvReader reader, FeedSource source, FeedEncoding encoding, CancellationToken cancellationToken)
    {
        try
        {
            await reader.ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (CsvFormatException e)
        {
            throw new FeedReadException($"{source.Name}: line 1: the header cannot be read: {e.Message}", source.Path, 1, e);
        }

        var columns = KeptColumns(reader.Headers).Select(i => reader.Headers[i]).ToList();
        if (columns.Count == 0)
        {
            throw new FeedReadException($"{source.Name}: the file is empty: no header row", source.Path, 1);
        }

        var header = new FeedHeader(columns, reader.Separator) { Encoding = encoding.Name, Issues = SuspectEncoding(source, encoding) };
        var duplicates = header.Duplicates().Where(d => source.RequiredColumns.Contains(d.Trim(), StringComparer.OrdinalIgnoreCase)).ToList();
        if (duplicates.Count > 0)
        {
            throw new FeedReadException($"{source.Name}: line 1: mapped column '{Quoted.Text(duplicates[0])}' appears more than once in the header", source.Path, 1);
        }

        var missing = source.RequiredColumns.Where(c => header.IndexOf(c) < 0).ToList();
        if (missing.Count > 0)
        {
            throw new FeedReadException(
                $"{source.Name}: line 1: mapped column(s) {string.Join(", ", missing.Select(m => $"'{m}'"))} missing from the header (found: {Quoted.List(columns)})",
                source.Path,
                1);
        }

        return header;
    }

    private static Issue[] SuspectEncoding(FeedSource source, FeedEncoding encoding) => encoding.SuspectLine is { } line
        ?
        [
            new Issue(Severity.Warning, RuleIds.EncodingSuspect,
                $"the file is declared {encoding.Name} but reads as valid UTF-8 with letters outside ASCII (first on line {line}): its text is likely garbled; set source.encoding to utf-8 or auto")
            { Feed = source.Name, Line = line },
        ]
        : [];

    private static string Field(CsvReader reader, int index, bool returnedFile)
    {
        var value = reader.GetString(index);
        return returnedFile ? FormulaGuard.Unprotect(value) : value;
    }

    /// <summary>The fields the pass reads (indexes of the header's columns), or <c>null</c> for all of them.</summary>
    private static int[]? ColumnsRead(FeedSource source, FeedHeader header) =>
        source.ColumnsRead?.Invoke(header) is { } columns
            ? columns.Where(i => i >= 0 && i < header.Columns.Count).Distinct().Order().ToArray()
            : null;

    private static int[] KeptColumns(IReadOnlyList<string> headers) =>
        Enumerable.Range(0, headers.Count)
            .Where(i => !headers[i].Trim().StartsWith(ProductFlowColumnPrefix, StringComparison.OrdinalIgnoreCase))
            .ToArray();

    private static SourceRow Malformed(FeedSource source, FeedHeader header, CsvMalformedRecord problem)
    {
        if (problem.Reason == CsvMalformedReason.UnterminatedQuote)
        {
            throw new FeedReadException(
                $"{source.Name}: line {problem.LineNumber}: a quoted field is never closed; the file cannot be read past this line",
                source.Path,
                problem.LineNumber);
        }

        var (rule, message) = problem.Reason == CsvMalformedReason.FieldCountMismatch
            ? (RuleIds.CsvFieldCount, $"the row does not have the {header.Columns.Count} fields of the header")
            : (RuleIds.CsvMalformed, $"the row's quoting is malformed ({problem.Reason}): it was not read");
        var issue = new Issue(Severity.Error, rule, message) { Feed = source.Name, Line = problem.LineNumber, Value = problem.RawRecord };
        return new SourceRow(source.Name, problem.LineNumber, header, []) { Problem = issue, Raw = problem.RawRecord };
    }
}
