using CsvHelper;
using ProductFlow.Connectors;
using ProductFlow.Connectors.Csv;
using ProductFlow.Pipelines;
using ProductFlow.Running;
using ProductFlow.Store;
using ProductFlow.Store.Sqlite;
using ProductFlow.Tests.Connectors;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.EndToEnd;

/// <summary>Variants need not be adjacent: a shuffled feed gives what the same rows grouped by model give, in bounded memory.</summary>
public class ShuffledFeedTests
{
    [Test]
    public async Task A_shuffled_feed_stores_what_the_same_rows_grouped_by_model_store_and_reports_the_same_issues()
    {
        using var dir = new TempDirectory();
        var rows = await ReadAsync(TestPaths.InRepository("samples", "supplier-apparel.csv"));
        var header = rows[0].Header.Columns;
        var random = new Random(18);
        var shuffled = rows.OrderBy(_ => random.Next()).Select(r => r.Fields).ToList();
        var model = Array.FindIndex(header.ToArray(), c => c == "model");

        // The same rows grouped: rows without a model first, then by model, each model's rows in the shuffled feed's order.
        var grouped = shuffled.Where(r => r[model].Length == 0).Concat(shuffled.Where(r => r[model].Length > 0).OrderBy(r => r[model], StringComparer.Ordinal)).ToList();
        var pipeline = PipelineLoader.Load(TestPaths.InRepository("pipelines", "demo.json"));
        var (shuffledOrdered, shuffledSpilled, groupedOrdered) = (false, false, true);

        var shuffledServices = RunServices.Embedded(dir.Combine("shuffled")) with
        {
            MaxHeldRows = 25, Ordered = (ordered, spilled) => (shuffledOrdered, shuffledSpilled) = (ordered, spilled),
        };
        var fromShuffled = await new PipelineRunner(shuffledServices).RunAsync(pipeline, RunRequest.For(pipeline) with { Input = Write(dir, "shuffled.csv", header, shuffled) });
        var groupedServices = RunServices.Embedded(dir.Combine("grouped")) with { Ordered = (ordered, _) => groupedOrdered = ordered };
        var fromGrouped = await new PipelineRunner(groupedServices).RunAsync(pipeline, RunRequest.For(pipeline) with { Input = Write(dir, "grouped.csv", header, grouped) });

        Assert.That((shuffledOrdered, shuffledSpilled, groupedOrdered), Is.EqualTo((true, true, false)), "the shuffled feed was ordered through a scratch file, the grouped one streamed");
        Assert.That(Issues(fromShuffled.IssuesTotal, fromShuffled), Is.EquivalentTo(Issues(fromGrouped.IssuesTotal, fromGrouped)));
        Assert.That(fromShuffled.Run.Counts.Accepted, Is.EqualTo(fromGrouped.Run.Counts.Accepted));
        Assert.That(fromShuffled.Issues.Select(i => i.Rule), Has.None.EqualTo("variant.ungrouped"));
        await using var a = SqliteProductStore.Open(dir.Combine("shuffled"));
        await using var b = SqliteProductStore.Open(dir.Combine("grouped"));
        var skus = shuffled.Select(r => r[0]).Distinct().ToList();
        foreach (var sku in skus)
        {
            Assert.That(await StoredAsync(a, sku), Is.EqualTo(await StoredAsync(b, sku)), sku);
        }
    }

    /// <summary>What a run stored for a SKU, lines left out (the two feeds number their rows differently): its document, and each value's column and rule.</summary>
    private static async Task<string?> StoredAsync(SqliteProductStore store, string sku)
    {
        if (await store.FindProductAsync(sku) is not { } product)
        {
            return null;
        }

        var document = new ProductDocument();
        document.Write(product.Record);
        var origins = VersionDiff.ReadLineage(product.Lineage).Select(o => $"{o?.Column}/{o?.Rule}");
        return System.Text.Encoding.UTF8.GetString(document.Content.Span) + " " + string.Join(",", origins) + " " + string.Join("|", product.BlockedChannels);
    }

    private static IEnumerable<string> Issues(long total, ProductFlow.Reports.QualityReport report)
    {
        Assert.That(report.Issues, Has.Count.EqualTo(total), "every issue is in the report");
        return report.Issues.Select(i => $"{i.Severity} {i.Rule} {i.Sku} {i.Field} {i.Channel} {i.Value}");
    }

    private static async Task<List<SourceRow>> ReadAsync(string path) =>
        await new CsvFeedReader().ReadAllAsync(new FeedSource(path) { Delimiter = ',' });

    private static string Write(TempDirectory dir, string name, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var path = dir.Combine(name);
        using var writer = CsvWriter.ToFile(path, CsvWriterOptions.Default);
        writer.WriteRecord(header.ToArray());
        foreach (var row in rows)
        {
            writer.WriteRecord(row.ToArray());
        }

        return path;
    }
}
