namespace ProductFlow.Bench.Feeds;

/// <summary>
/// Writes what an ERP sends for the generator's products: <c>sku,stock</c>, each stock the supplier feed's plus <c>offset</c> (a
/// stock that is not a number, one of the supplier feed's defects, as it is): the bench's second source, bench/pipelines/erp-stock.json.
/// </summary>
internal static class StockFeedWriter
{
    public static GeneratedFeed Write(FeedGenerator generator, string path, int rows, int offset)
    {
        ArgumentNullException.ThrowIfNull(generator);
        var sku = Array.IndexOf(FeedGenerator.Columns, "sku");
        var stock = Array.IndexOf(FeedGenerator.Columns, "stock");
        var written = 0;
        using (var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" })
        {
            writer.WriteLine("sku,stock");
            foreach (var row in generator.Rows(rows, new Dictionary<string, int>(StringComparer.Ordinal)))
            {
                var level = int.TryParse(row[stock], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
                    ? (n + offset).ToString(System.Globalization.CultureInfo.InvariantCulture)
                    : row[stock];
                writer.WriteLine(Csv(row[sku]) + "," + Csv(level));
                written++;
            }
        }

        return new GeneratedFeed(path, written, new FileInfo(path).Length, new Dictionary<string, int>());
    }

    private static string Csv(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
