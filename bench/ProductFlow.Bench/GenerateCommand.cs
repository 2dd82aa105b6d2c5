using System.Globalization;
using ProductFlow.Bench.Feeds;

namespace ProductFlow.Bench;

/// <summary><c>generate --rows N --seed S --out FILE</c>: writes a feed that pipelines/demo.json reads.</summary>
internal static class GenerateCommand
{
    public static int Run(string[] args)
    {
        var options = BenchArgs.Parse(args);
        var output = options.Get("--out") ?? $"feed-{options.Rows}.csv";
        var feed = new FeedGenerator(options.Seed).WriteCsv(output, options.Rows);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{feed.Path}: {feed.Rows:N0} rows, {feed.Bytes / 1e6:0.0} MB, defects: {string.Join(", ", feed.Defects.Select(d => $"{d.Key} {d.Value}"))}"));
        return 0;
    }
}
