using System.Globalization;
using ProductFlow.Bench.Feeds;
using ProductFlow.Pipelines;

namespace ProductFlow.Bench.Stages;

/// <summary>
/// <c>--rows N [--seed S] [--feed FILE] [--process] [--postgres CONN]</c>: generates (or takes) one feed, runs every stage on it in this
/// one process, and prints rows/s, MB/s, peak working set and allocations per stage, with the ratio to the
/// CsvHelper floor; with <c>--postgres</c> stages 4 and 5 store on that server. <c>--process</c> also times the end-to-end <c>productflow run</c> as a process at 100k and N rows.
/// </summary>
internal static class StagesCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchArgs.Parse(args);
        var root = RepositoryRoot();
        var work = Path.Combine(Path.GetTempPath(), "productflow-bench");
        Directory.CreateDirectory(work);
        var feed = options.Get("--feed") ?? Generate(work, options.Rows, options.Seed);
        var bytes = new FileInfo(feed).Length;
        var pipeline = PipelineLoader.Load(Path.Combine(root, "pipelines", "demo.json"));
        var postgres = options.Get("--postgres");
        var stages = new PipelineStages(pipeline, feed, work, postgres);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"feed {feed}: {bytes / 1e6:0.0} MB; {Environment.ProcessorCount} cores; .NET {Environment.Version}"));
        var results = new List<StageResult>
        {
            await StageMeter.MeasureAsync("1. CsvHelper 34, every field as a string", bytes, stages.CsvHelperFloorAsync),
            await StageMeter.MeasureAsync("2. ProductFlow read + map", bytes, stages.ReadAndMapAsync),
            await StageMeter.MeasureAsync("3. + rules (types, enrichers, checks, GTIN, variants, schema)", bytes, stages.RulesAsync),
            await StageMeter.MeasureAsync(postgres is null ? "4. + SQLite store" : "4. + PostgreSQL store", bytes, stages.StoreAsync),
            await StageMeter.MeasureAsync("5. + channel export and report: whole run", bytes, stages.WholeRunAsync),
        };
        Print(results);

        if (options.Get("--process") is not null)
        {
            var small = options.Rows > 100_000 ? Generate(work, 100_000, options.Seed) : feed;
            foreach (var file in new[] { small, feed }.Distinct())
            {
                Console.WriteLine(ProcessTiming.Run(root, file, Path.Combine(work, "process")));
            }
        }

        return 0;
    }

    private static void Print(List<StageResult> results)
    {
        var floor = results[0].RowsPerSecond;
        Console.WriteLine();
        Console.WriteLine("| stage | rows/s | MB/s | peak working set | allocated | x floor |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {r.Name} | {r.RowsPerSecond:N0} | {r.MegabytesPerSecond:0.0} | {r.PeakWorkingSet / 1e6:N0} MB | {r.Allocated / 1e6:N0} MB | {floor / r.RowsPerSecond:0.0} |"));
        }
    }

    private static string Generate(string folder, int rows, int seed)
    {
        var path = Path.Combine(folder, $"feed-{rows}-{seed}.csv");
        if (!File.Exists(path))
        {
            new FeedGenerator(seed).WriteCsv(path, rows);
        }

        return path;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ProductFlow.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
