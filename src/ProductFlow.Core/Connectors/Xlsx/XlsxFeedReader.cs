using System.Runtime.CompilerServices;
using System.Xml;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace ProductFlow.Connectors.Xlsx;

/// <summary>Streams the rows of one sheet of an .xlsx workbook with MiniExcel, as raw invariant text (<see cref="CellText"/>).</summary>
/// <remarks>
/// The sheet is <see cref="FeedSource.Sheet"/> or the first one; its row <see cref="FeedSource.HeaderRow"/> (default 1) is the
/// header, matched like a CSV header; rows above it are skipped, and so are empty rows. A row's
/// <see cref="SourceRow.Line"/> is its row number in the sheet, its <see cref="SourceRow.Location"/> <c>Sheet!row</c>. Cells
/// right of the header are ignored. An encrypted, corrupt or truncated workbook, or one over its
/// <see cref="WorkbookLimits"/>, fails the feed.
/// </remarks>
public sealed class XlsxFeedReader : IFeedReader
{
    public async IAsyncEnumerable<SourceRow> ReadAsync(FeedSource source, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var limits = source.Limits;
        WorkbookCheck.Check(source, limits);
        var sheet = Guard(source, null, () => SheetName(source));
        var configuration = new OpenXmlConfiguration { FillMergedCells = false };
        using var rows = Guard(source, null, () => MiniExcel.Query(source.Path, useHeaderRow: false, sheetName: sheet, configuration: configuration).GetEnumerator());
        long number = 0;
        FeedHeader? header = null;
        string[] keys = [];
        while (Guard(source, number + 1, rows.MoveNext))
        {
            cancellationToken.ThrowIfCancellationRequested();
            number++;
            if (number > limits.MaxRows)
            {
                throw WorkbookCheck.Fail(source, $"sheet '{sheet}' has more than {limits.MaxRows} rows", "raise source.limits.maxRows if the sheet is genuine", row: number);
            }

            var cells = (IDictionary<string, object?>)rows.Current;
            if (cells.Count > limits.MaxColumns)
            {
                throw WorkbookCheck.Fail(source, $"sheet '{sheet}' has {cells.Count} columns, more than {limits.MaxColumns}", "raise source.limits.maxColumns if the sheet is genuine", row: number);
            }

            if (number < source.HeaderRow)
            {
                continue;
            }

            if (header is null)
            {
                (header, keys) = Header(source, sheet, cells, number);
                source.HeaderRead?.Invoke(header);
                continue;
            }

            var fields = new string[keys.Length];
            var empty = true;
            for (var i = 0; i < keys.Length; i++)
            {
                fields[i] = cells.TryGetValue(keys[i], out var value) ? CellText.Of(value) : "";
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

    private static (FeedHeader Header, string[] Keys) Header(FeedSource source, string sheet, IDictionary<string, object?> cells, long row)
    {
        var named = cells.Select(c => (c.Key, Name: CellText.Of(c.Value))).ToList();
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
                $"sheet '{sheet}': mapped column(s) {string.Join(", ", missing.Select(m => $"'{m}'"))} missing from the header (found: {string.Join(", ", header.Columns)})",
                "check source.sheet and source.headerRow",
                row: row);
        }

        return (header, named.Select(c => c.Key).ToArray());
    }

    private static string SheetName(FeedSource source)
    {
        var sheets = MiniExcel.GetSheetNames(source.Path);
        if (source.Sheet is null)
        {
            return sheets.FirstOrDefault() ?? throw WorkbookCheck.Fail(source, "the workbook has no sheet", null);
        }

        return sheets.FirstOrDefault(s => string.Equals(s, source.Sheet, StringComparison.OrdinalIgnoreCase))
            ?? throw WorkbookCheck.Fail(source, $"the workbook has no sheet '{source.Sheet}' (it has: {string.Join(", ", sheets)})", "check source.sheet");
    }

    /// <summary>Runs a MiniExcel call, turning what a broken workbook makes it throw into a <see cref="FeedReadException"/>.</summary>
    private static T Guard<T>(FeedSource source, long? row, Func<T> read)
    {
        try
        {
            return read();
        }
        // What MiniExcel throws on damaged workbooks, found by ReaderFuzzTests (it has no exception type of its own, and
        // some damaged parts surface as a NullReferenceException inside it).
        catch (Exception e) when (e is XmlException or InvalidDataException or IOException or FormatException or InvalidCastException
            or InvalidOperationException or IndexOutOfRangeException or ArgumentException or NotSupportedException
            or NullReferenceException or KeyNotFoundException or OverflowException)
        {
            throw WorkbookCheck.Fail(source, $"the workbook cannot be read: {e.Message}", "ask the supplier to send the file again", e, row);
        }
    }
}
