using System.Diagnostics;
using System.Globalization;
using ProductFlow.Bench.Feeds;
using ProductFlow.Channels;
using ProductFlow.Connectors;
using ProductFlow.Csv;
using ProductFlow.Mapping;
using ProductFlow.Pipelines;
using ProductFlow.Rules;

namespace ProductFlow.Bench.Stages;

/// <summary><c>rules --rows N</c>: the demo pipeline's rules on a generated feed, with time and bytes allocated per rule, to find the one to make cheaper.</summary>
internal static class RuleProfileCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchArgs.Parse(args);
        var feed = Path.Combine(Path.GetTempPath(), "productflow-bench", $"feed-{options.Rows}-{options.Seed}.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(feed)!);
        if (!File.Exists(feed))
        {
            new FeedGenerator(options.Seed).WriteCsv(feed, options.Rows);
        }

        var pipeline = PipelineLoader.Load(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "pipelines", "demo.json"));
        var mapper = FeedMapper.For(pipeline.Definition);
        using var rules = RuleSet.Create(pipeline, ChannelRules.For);
        var profiled = rules.Rules.Select(r => (Rule: r, Ticks: 0L, Bytes: 0L)).ToArray();
        var source = new FeedSource(feed) { Delimiter = Delimiters.Parse(pipeline.Definition.Source.Delimiter), RequiredColumns = mapper.RequiredColumns };
        long mapTicks = 0, mapBytes = 0, rows = 0;
        await foreach (var row in FeedReaders.For("csv").ReadAsync(source).ConfigureAwait(false))
        {
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            var mapped = mapper.Map(row);
            mapTicks += Stopwatch.GetTimestamp() - start;
            mapBytes += GC.GetAllocatedBytesForCurrentThread() - bytes;
            for (var i = 0; i < profiled.Length; i++)
            {
                bytes = GC.GetAllocatedBytesForCurrentThread();
                start = Stopwatch.GetTimestamp();
                profiled[i].Rule.Apply(mapped, rules.Context);
                profiled[i].Ticks += Stopwatch.GetTimestamp() - start;
                profiled[i].Bytes += GC.GetAllocatedBytesForCurrentThread() - bytes;
            }

            rows++;
        }

        Console.WriteLine("| step | µs/row | bytes/row |");
        Console.WriteLine("|---|---:|---:|");
        Print("map", mapTicks, mapBytes, rows);
        foreach (var (rule, ticks, bytes) in profiled)
        {
            Print(rule.GetType().Name, ticks, bytes, rows);
        }

        return 0;
    }

    private static void Print(string name, long ticks, long bytes, long rows) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {ticks * 1e6 / Stopwatch.Frequency / rows:0.00} | {bytes / rows:N0} |"));
}
