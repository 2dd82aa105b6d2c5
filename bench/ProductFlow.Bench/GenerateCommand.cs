using System.Globalization;
using ProductFlow.Bench.Feeds;

namespace ProductFlow.Bench;

/// <summary>
/// <c>generate --rows N --seed S [--format csv|akeneo|xlsx|stock] [--shuffle] [--offset K] [--changed P] --out FILE</c>: writes a feed of the same generated
/// rows as the demo's supplier CSV (pipelines/demo.json reads it), an Akeneo product export for the demo catalog (<c>akeneo-csv</c>), a
/// workbook (<c>xlsx</c>) or an ERP's stock for the same products (<c>stock</c>: each stock plus K, default 1; bench/pipelines/erp-stock.json
/// reads it); <c>--shuffle</c> (CSV) writes the rows in a random order (seeded), so that a model's variants are far apart; <c>--changed P</c>
/// (CSV) raises the price of P rows in every 100 by 1.00: the same supplier's feed the next day, to run over the first.
/// </summary>
internal static class GenerateCommand
{
    public static int Run(string[] args)
    {
        var options = BenchArgs.Parse(args);
        var format = options.Get("--format") ?? "csv";
        if (format is not ("csv" or "akeneo" or "xlsx" or "stock"))
        {
            Console.Error.WriteLine($"unknown --format '{format}' (csv, akeneo, xlsx or stock)");
            return 2;
        }

        var output = options.Get("--out") ?? $"feed-{options.Rows}{Extension(format)}";
        var feed = options.Get("--shuffle") is not null && format == "csv"
            ? new FeedGenerator(options.Seed).WriteShuffledCsv(output, options.Rows)
            : format == "stock"
                ? StockFeedWriter.Write(new FeedGenerator(options.Seed), output, options.Rows, int.Parse(options.Get("--offset") ?? "1", NumberStyles.Integer, CultureInfo.InvariantCulture))
                : options.Get("--changed") is { } changed && format == "csv"
                    ? new FeedGenerator(options.Seed).WriteCsv(output, options.Rows, int.Parse(changed, NumberStyles.Integer, CultureInfo.InvariantCulture))
                    : Write(format, output, options.Rows, options.Seed);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{feed.Path}: {feed.Rows:N0} rows, {feed.Bytes / 1e6:0.0} MB, defects: {string.Join(", ", feed.Defects.Select(d => $"{d.Key} {d.Value}"))}"));
        return 0;
    }

    /// <summary>Writes a feed of <paramref name="rows"/> rows in <paramref name="format"/> (csv, akeneo or xlsx).</summary>
    public static GeneratedFeed Write(string format, string path, int rows, int seed)
    {
        var generator = new FeedGenerator(seed);
        return format switch
        {
            "akeneo" => AkeneoFeedWriter.Write(generator, path, rows),
            "xlsx" => XlsxFeedWriter.Write(generator, path, rows),
            _ => generator.WriteCsv(path, rows),
        };
    }

    /// <summary>The file name a bench command gives a generated feed in <paramref name="folder"/>, writing it when it is not there yet.</summary>
    public static string Cached(string folder, string format, int rows, int seed)
    {
        var path = Path.Combine(folder, $"feed-{rows}-{seed}{(format == "akeneo" ? "-akeneo" : "")}{Extension(format)}");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(folder);
            Write(format, path, rows, seed);
        }

        return path;
    }

    private static string Extension(string format) => format == "xlsx" ? ".xlsx" : ".csv";
}
