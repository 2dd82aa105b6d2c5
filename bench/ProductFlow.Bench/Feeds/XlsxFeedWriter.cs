using System.Globalization;
using MiniExcelLibs;

namespace ProductFlow.Bench.Feeds;

/// <summary>
/// Writes the generator's rows as one sheet (<c>Products</c>) of an .xlsx workbook with MiniExcel, header in row 1: the columns the
/// demo pipeline maps, so it reads the workbook with <c>source.format: xlsx</c>. Prices, weights and stock are number cells (as a
/// supplier's spreadsheet has them); GTINs stay text (a number cell would lose leading zeros).
/// </summary>
internal static class XlsxFeedWriter
{
    public const string Sheet = "Products";

    private static readonly HashSet<string> Numbers = new(["price_eur", "weight_kg", "stock"], StringComparer.Ordinal);

    public static GeneratedFeed Write(FeedGenerator generator, string path, int rows)
    {
        ArgumentNullException.ThrowIfNull(generator);
        var defects = new Dictionary<string, int>(StringComparer.Ordinal);
        var written = 0;
        IEnumerable<Dictionary<string, object?>> Cells()
        {
            foreach (var row in generator.Rows(rows, defects))
            {
                var cells = new Dictionary<string, object?>(FeedGenerator.Columns.Length, StringComparer.Ordinal);
                for (var i = 0; i < row.Length; i++)
                {
                    var column = FeedGenerator.Columns[i];
                    cells[column] = Numbers.Contains(column) && decimal.TryParse(row[i], NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
                        ? number
                        : row[i];
                }

                written++;
                yield return cells;
            }
        }

        if (File.Exists(path))
        {
            File.Delete(path);
        }

        MiniExcel.SaveAs(path, Cells(), sheetName: Sheet);
        return new GeneratedFeed(path, written, new FileInfo(path).Length, defects);
    }
}
