using ProductFlow.Catalog;
using ProductFlow.Connectors;
using ProductFlow.Connectors.Akeneo;
using ProductFlow.Mapping;
using ProductFlow.Mapping.Akeneo;
using ProductFlow.Pipelines;

namespace ProductFlow.Bench.Stages;

/// <summary>
/// <c>connectors --rows N [--seed S] [--only xlsx,akeneo]</c>: the XLSX and Akeneo connectors alone on generated feeds of the same rows:
/// the XLSX reader (every cell as text), then + the demo mapping; the Akeneo CSV reader, then + its mapper with the demo catalog
/// (no pipeline in pipelines/ reads Akeneo, so rules and store are not part of it). Rows/s, peak working set and allocations.
/// </summary>
internal static class ConnectorsCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchArgs.Parse(args);
        var root = StagesCommand.RepositoryRoot();
        var work = Path.Combine(Path.GetTempPath(), "productflow-bench");
        var pipeline = PipelineLoader.Load(Path.Combine(root, "pipelines", "demo.json"));
        var only = options.Get("--only")?.Split(',') ?? ["xlsx", "akeneo"];
        var results = new List<StageResult>();
        if (only.Contains("xlsx"))
        {
            var workbook = GenerateCommand.Cached(work, "xlsx", options.Rows, options.Seed);
            var bytes = new FileInfo(workbook).Length;
            var mapper = FeedMapper.For(pipeline.Definition);
            var source = new FeedSource(workbook) { Format = "xlsx", RequiredColumns = mapper.RequiredColumns };
            results.Add(await StageMeter.MeasureAsync("xlsx: XlsxFeedReader, every cell as text", bytes, () => ReadAsync(source, null)));
            results.Add(await StageMeter.MeasureAsync("xlsx: + demo mapping", bytes, () => ReadAsync(source, mapper)));
        }

        if (only.Contains("akeneo"))
        {
            var export = GenerateCommand.Cached(work, "akeneo", options.Rows, options.Seed);
            var bytes = new FileInfo(export).Length;
            var mapper = new AkeneoMapper(pipeline.Catalog);
            var source = new FeedSource(export) { Format = "akeneo-csv", RequiredColumns = mapper.RequiredColumns };
            results.Add(await StageMeter.MeasureAsync("akeneo-csv: AkeneoCsvFeedReader", bytes, () => ReadAsync(source, null)));
            results.Add(await StageMeter.MeasureAsync("akeneo-csv: + AkeneoMapper (demo catalog)", bytes, () => ReadAsync(source, mapper)));
        }

        StagesCommand.Print(results);
        return 0;
    }

    private static async Task<long> ReadAsync(FeedSource source, IRecordMapper? mapper)
    {
        long rows = 0;
        long characters = 0;
        await foreach (var row in FeedReaders.For(source.Format).ReadAsync(source).ConfigureAwait(false))
        {
            if (mapper is null)
            {
                for (var i = 0; i < row.Header.Columns.Count; i++)
                {
                    characters += row[i].Length;
                }
            }
            else
            {
                characters += mapper.Map(row).Record.Values.Count;
            }

            rows++;
        }

        return rows + (characters < 0 ? 1 : 0);
    }
}
