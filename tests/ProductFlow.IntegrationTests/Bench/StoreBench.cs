using System.Diagnostics;
using System.Globalization;
using ProductFlow.IntegrationTests.Support;
using ProductFlow.Model;
using ProductFlow.PostgreSql;
using ProductFlow.Store;
using ProductFlow.Tests.Support;

namespace ProductFlow.IntegrationTests.Bench;

/// <summary>Throughput of the PostgreSQL bulk path (binary COPY + set-based merge) for a 100k-record run. Explicit: never in CI.</summary>
/// <remarks>
/// Run by hand with the server test.sh starts, or any other:
/// <c>PRODUCTFLOW_TEST_POSTGRES="Host=...;Username=...;Password=...;Database=postgres" dotnet test tests/ProductFlow.IntegrationTests -c Release --filter "FullyQualifiedName~StoreBench" --logger "console;verbosity=detailed"</c>.
/// Measures a first run (100k inserts) and a second run with every 10th record changed (10k updates, 90k unchanged).
/// </remarks>
[Explicit("a benchmark: run it by hand")]
[Category("Bench")]
[NonParallelizable]
public class StoreBench
{
    private const int Records = 100_000;

    [Test]
    [CancelAfter(600_000)]
    public async Task Copy_and_merge_of_a_100k_record_run()
    {
        var database = await PostgreSqlServer.CreateDatabaseAsync("bench");
        try
        {
            await using var store = await PostgreSqlProductStore.OpenAsync(database);
            var first = await RunAsync(store, "first", change: _ => false);
            var second = await RunAsync(store, "second", change: i => i % 10 == 0);

            Assert.That(first.Summary, Is.EqualTo(new CommitSummary(Records, 0, 0)));
            Assert.That(second.Summary, Is.EqualTo(new CommitSummary(0, Records / 10, Records - (Records / 10))));
            foreach (var (name, result) in new[] { ("insert 100k", first), ("10% changed", second) })
            {
                TestContext.Out.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{name}: {Records / result.Elapsed.TotalSeconds:N0} records/s ({result.Elapsed.TotalMilliseconds:N0} ms; staging {result.Staging.TotalMilliseconds:N0} ms, commit {(result.Elapsed - result.Staging).TotalMilliseconds:N0} ms)"));
            }
        }
        finally
        {
            await PostgreSqlServer.DropDatabaseAsync(database);
        }
    }

    private static async Task<(CommitSummary Summary, TimeSpan Elapsed, TimeSpan Staging)> RunAsync(PostgreSqlProductStore store, string id, Func<int, bool> change)
    {
        var records = Enumerable.Range(0, Records).Select(i => Record(i, change(i))).ToList();
        var clock = Stopwatch.StartNew();
        await using var session = await store.BeginAsync(new RunRecord { Id = id, Pipeline = "bench", Feed = new FeedInfo("bench.csv", 0, ""), Started = DateTimeOffset.UtcNow });
        foreach (var record in records)
        {
            await session.UpsertAsync(record, []);
        }

        var staging = clock.Elapsed;
        var summary = await session.CommitAsync();
        return (summary, clock.Elapsed, staging);
    }

    /// <summary>A record shaped like the demo's: 14 values in three locales.</summary>
    private static ProductRecord Record(int i, bool changed)
    {
        var record = new ProductRecord($"BENCH-{i:D7}") { Parent = $"M-{i / 12:D6}", Family = "tshirts", Feed = "bench.csv", Line = i + 2 };
        record.Categories.Add("apparel");
        void Add(string attribute, string data, string? locale = null, string? currency = null) =>
            record.Values.Add(new ProductValue(attribute, locale, null, data, ValueOrigin.FromCell("bench.csv", i + 2, attribute)) { Currency = currency });
        Add("name", $"Classic Tee {i}", "en_US");
        Add("name", $"Klassisches T-Shirt {i}", "de_DE");
        Add("name", $"T-shirt classique {i}", "fr_FR");
        Add("description", $"Classic Tee {i} in navy. Soft combed cotton, regular fit.", "en_US");
        Add("description", $"Klassisches T-Shirt {i} in navy. Weiche Baumwolle.", "de_DE");
        Add("brand", "Northwind Apparel");
        Add("color", "navy");
        Add("size", "m");
        Add("price", changed ? "21.9" : "19.9", currency: "EUR");
        Add("gtin", (4006381000000L + i).ToString(CultureInfo.InvariantCulture));
        Add("weight", "0.2");
        Add("material", "100% cotton", "en_US");
        Add("image", $"https://cdn.example.com/products/{i}.jpg");
        Add("stock", "37");
        return record;
    }
}
