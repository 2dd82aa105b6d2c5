using System.Globalization;
using ProductFlow.Pipelines;

namespace ProductFlow.Bench.Stages;

/// <summary>
/// <c>--rows N [--seed S] [--feed FILE] [--only 1,4,5a] [--process] [--postgres CONN]</c>: generates (or takes) one feed, runs every stage on it in this
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
        var feed = options.Get("--feed") ?? GenerateCommand.Cached(work, "csv", options.Rows, options.Seed);
        var bytes = new FileInfo(feed).Length;
        var pipeline = PipelineLoader.Load(Path.Combine(root, "pipelines", "demo.json"));
        var postgres = options.Get("--postgres");
        var stages = new PipelineStages(pipeline, feed, work, postgres);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"feed {feed}: {bytes / 1e6:0.0} MB; {Environment.ProcessorCount} cores; .NET {Environment.Version}"));
        var stageList = new (string Name, Func<Task<long>> Run)[]
        {
            ("0. the feed's survey: every row identified (SKU, parent), a run's first pass", stages.SurveyAsync),
            ("1. CsvHelper 34, every field as a string", stages.CsvHelperFloorAsync),
            ("2. ProductFlow read + map", stages.ReadAndMapAsync),
            ("3. + rules (types, enrichers, checks, GTIN, variants, schema)", stages.RulesAsync),
            (postgres is null ? "4. + SQLite store" : "4. + PostgreSQL store", stages.StoreAsync),
            ($"5a. publish {pipeline.Definition.Channels.Count} channels alone, from the stage-4 store", stages.PublishAsync),
            ("5b. of which one read of every publishable product from the store", stages.ReadPublishableAsync),
            ("5. + channel export and report: whole run", stages.WholeRunAsync),
        };

        // --only 4,5a runs some stages (5a and 5b read the SQLite store of a stage-4 run, in this or an earlier invocation;
        // on PostgreSQL each stage's database is dropped after it, so they are left out).
        var only = options.Get("--only")?.Split(',');
        var results = new List<StageResult>();
        foreach (var (name, run) in stageList)
        {
            if ((only is null || only.Any(o => name.StartsWith(o + ".", StringComparison.Ordinal))) && (postgres is null || !name.StartsWith("5a.", StringComparison.Ordinal) && !name.StartsWith("5b.", StringComparison.Ordinal)))
            {
                results.Add(await StageMeter.MeasureAsync(name, bytes, run));
            }
        }

        Print(results);

        if (options.Get("--process") is not null)
        {
            // A generated feed has N rows (a row may span lines: quoted line breaks); a --feed of its own is counted by its lines.
            var given = options.Get("--feed") is not null;
            var runs = options.Rows > 100_000 && !given
                ? new[] { (File: GenerateCommand.Cached(work, "csv", 100_000, options.Seed), Rows: 100_000), (File: feed, Rows: options.Rows) }
                : new[] { (File: feed, Rows: given ? File.ReadLines(feed).Count() - 1 : options.Rows) };
            foreach (var (file, rows) in runs)
            {
                Console.WriteLine(ProcessTiming.Run(root, file, Path.Combine(work, "process"), rows));
            }
        }

        return 0;
    }

    /// <summary>The table of <paramref name="results"/>, with the ratio to the CsvHelper floor when stage 1 is among them.</summary>
    internal static void Print(List<StageResult> results)
    {
        var floor = results.Find(r => r.Name.StartsWith("1.", StringComparison.Ordinal))?.RowsPerSecond;
        Console.WriteLine();
        Console.WriteLine("| stage | rows/s | µs/row | CPU µs/row | bytes/row | MB/s | peak working set | allocated | x floor |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {r.Name} | {r.RowsPerSecond:N0} | {r.MicrosecondsPerRow:0.0} | {r.CpuMicrosecondsPerRow:0.0} | {r.BytesPerRow:N0} | {r.MegabytesPerSecond:0.0} | {r.PeakWorkingSet / 1e6:N0} MB | {r.Allocated / 1e6:N0} MB | {(floor is { } f ? (f / r.RowsPerSecond).ToString("0.0", CultureInfo.InvariantCulture) : "-")} |"));
        }
    }

    internal static string RepositoryRoot()
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
