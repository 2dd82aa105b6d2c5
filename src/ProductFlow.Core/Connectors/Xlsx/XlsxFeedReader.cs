using System.Runtime.CompilerServices;
using System.Xml;
using ProductFlow.Model;

namespace ProductFlow.Connectors.Xlsx;

/// <summary>Streams the rows of one sheet of an .xlsx workbook (<see cref="XlsxWorkbook"/>, <see cref="SheetReader"/>), as raw invariant text (<see cref="CellText"/>).</summary>
/// <remarks>
/// The sheet is <see cref="FeedSource.Sheet"/> or the first one; its row <see cref="FeedSource.HeaderRow"/> (default 1) is the
/// header, matched like a CSV header; rows above it are skipped, and so are empty rows. A row's
/// <see cref="SourceRow.Line"/> is its row number in the sheet, its <see cref="SourceRow.Location"/> <c>Sheet!row</c>. Cells
/// right of the header are ignored. An encrypted, corrupt or truncated workbook, or one over its
/// <see cref="WorkbookLimits"/>, fails the feed. Reading is one pass over the sheet's XML with one row in memory (plus the
/// workbook's shared strings): MiniExcel, which this reader used before, read a sheet twice and allocated ~47 KB per row.
/// </remarks>
public sealed class XlsxFeedReader : IFeedReader
{
    public async IAsyncEnumerable<SourceRow> ReadAsync(FeedSource source, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var limits = source.Limits;
        WorkbookCheck.Check(source, limits);
        using var workbook = Guard(source, null, () => XlsxWorkbook.Open(source.Path));
        var sheet = Guard(source, null, () => SheetName(source, workbook));
        using var rows = Guard(source, null, () => workbook.OpenSheet(sheet));
        long number = 0;
        FeedHeader? header = null;
        int[] keys = [];
        while (Guard(source, number + 1, rows.Read))
        {
            cancellationToken.ThrowIfCancellationRequested();
            number = rows.Row;
            if (number > limits.MaxRows)
            {
                throw WorkbookCheck.Fail(source, $"sheet '{sheet}' has more than {limits.MaxRows} rows", "raise source.limits.maxRows if the sheet is genuine", row: number);
            }

            if (rows.Count > limits.MaxColumns)
            {
                throw WorkbookCheck.Fail(source, $"sheet '{sheet}' has {rows.Count} columns, more than {limits.MaxColumns}", "raise source.limits.maxColumns if the sheet is genuine", row: number);
            }

            if (number < source.HeaderRow)
            {
                continue;
            }

            if (header is null)
            {
                // A header row the sheet leaves out is an empty one: the first row there is comes after it.
                (header, keys) = Header(source, sheet, number == source.HeaderRow ? rows : null, source.HeaderRow);
                source.HeaderRead?.Invoke(header);
                continue;
            }

            var fields = new string[keys.Length];
            var empty = true;
            for (var i = 0; i < keys.Length; i++)
            {
                fields[i] = rows[keys[i]];
                empty &= fields[i].Length == 0;
            }

            if (!empty)
            {
                yield return new SourceRow(source.Name, number, header, fields) { Location = $"{sheet}!{number}" };
            }
        }

        if (header is null)
        {
            throw WorkbookCheck.Fail(source, $"sheet '{sheet}' has no header row (row {source.HeaderRow})", null);
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    private static (FeedHeader Header, int[] Keys) Header(FeedSource source, string sheet, SheetReader? cells, long row)
    {
        var named = cells is null ? [] : Enumerable.Range(0, cells.Count).Select(i => (Key: i, Name: cells[i])).ToList();
        var last = named.FindLastIndex(c => c.Name.Trim().Length > 0);
        if (last < 0)
        {
            throw WorkbookCheck.Fail(source, $"sheet '{sheet}': the header row is empty", "set source.headerRow to the row that holds the column names", row: row);
        }

        named = named[..(last + 1)];
        var header = new FeedHeader(named.Select(c => c.Name).ToList(), ',');
        var duplicates = header.Duplicates().Where(d => source.RequiredColumns.Contains(d.Trim(), StringComparer.OrdinalIgnoreCase)).ToList();
        if (duplicates.Count > 0)
        {
            throw WorkbookCheck.Fail(source, $"sheet '{sheet}': mapped column '{duplicates[0]}' appears more than once in the header", null, row: row);
        }

        var missing = source.RequiredColumns.Where(c => header.IndexOf(c) < 0).ToList();
        if (missing.Count > 0)
        {
            throw WorkbookCheck.Fail(
                source,
                $"sheet '{sheet}': mapped column(s) {string.Join(", ", missing.Select(m => $"'{m}'"))} missing from the header (found: {Quoted.List(header.Columns)})",
                "check source.sheet and source.headerRow",
                row: row);
        }

        return (header, named.Select(c => c.Key).ToArray());
    }

    private static string SheetName(FeedSource source, XlsxWorkbook workbook)
    {
        var sheets = workbook.SheetNames;
        if (source.Sheet is null)
        {
            return sheets.Count > 0 ? sheets[0] : throw WorkbookCheck.Fail(source, "the workbook has no sheet", null);
        }

        return sheets.FirstOrDefault(s => string.Equals(s, source.Sheet, StringComparison.OrdinalIgnoreCase))
            ?? throw WorkbookCheck.Fail(source, $"the workbook has no sheet '{source.Sheet}' (it has: {string.Join(", ", sheets)})", "check source.sheet");
    }

    /// <summary>Runs a workbook call, turning what a broken workbook makes it throw into a <see cref="FeedReadException"/>.</summary>
    private static T Guard<T>(FeedSource source, long? row, Func<T> read)
    {
        try
        {
            return read();
        }
        // What damaged workbooks make the zip and XML readers and the cell parsing throw (ReaderFuzzTests finds them; the list
        // is the one MiniExcel needed before, kept so nothing a damaged workbook throws escapes as a program fault).
        catch (Exception e) when (e is XmlException or InvalidDataException or IOException or FormatException or InvalidCastException
            or InvalidOperationException or IndexOutOfRangeException or ArgumentException or NotSupportedException
            or NullReferenceException or KeyNotFoundException or OverflowException)
        {
            throw WorkbookCheck.Fail(source, $"the workbook cannot be read: {e.Message}", "ask the supplier to send the file again", e, row);
        }
    }
}
