using System.Diagnostics;
using System.Globalization;
using ProductFlow.Model;
using ProductFlow.PostgreSql;
using ProductFlow.Store;
using ProductFlow.Store.Sqlite;

namespace ProductFlow.Bench.Stages;

/// <summary>
/// <c>store --postgres CONN | --sqlite DIR [--rows N] [--keep] [--no-merge-key]</c>: a store's path alone (session upserts, then the commit) on N
/// demo-shaped records built beforehand: PostgreSQL in a fresh database on the server of CONN (dropped afterwards unless
/// <c>--keep</c>), or the embedded store in a new folder DIR. The session is the store's own, without the writer thread a run puts
/// in front of it (<see cref="BackgroundStoreSession"/>): this measures the store's bulk path; stages 4 and 6 of the stage table
/// measure it inside a run.
/// </summary>
/// <remarks>
/// Six runs: the first inserts every record, the second changes every 10th (10% updates, 90% unchanged), the third sends the
/// same records again (a no-op); then a second source (stock from an ERP) is merged into every product, sends the same stock
/// again, and changes every 10th product's stock. Prints records/s per run, split into staging (upserts: serialisation, and
/// PostgreSQL's COPY) and commit (PostgreSQL's merge; SQLite writes as it goes). The records are built before the clock starts,
/// so the rules and the feed are not measured. The sessions have a merge key (<see cref="SessionOptions.MergeKey"/>), as a run's have;
/// <c>--no-merge-key</c> leaves it out, so that every run of the second source reads and merges every product.
/// </remarks>
internal static class StoreCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchArgs.Parse(args);
        if (options.Get("--sqlite") is { } folder)
        {
            if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Console.Error.WriteLine($"{folder}: not empty; the bench makes its store in a new folder");
                return 2;
            }

            await using (var embedded = SqliteProductStore.Open(folder))
            {
                await RunsAsync(embedded, options.Rows, folder, MergeKey(options)).ConfigureAwait(false);
            }

            return 0;
        }

        if (options.Get("--postgres") is not { } server)
        {
            Console.Error.WriteLine("usage: ProductFlow.Bench store --postgres \"Host=...;Username=...;Password=...;Database=postgres\" | --sqlite DIR [--rows N] [--keep] [--no-merge-key]");
            return 2;
        }

        var rows = options.Rows;
        var database = await BenchDatabase.CreateAsync(server).ConfigureAwait(false);
        try
        {
            await using var store = await PostgreSqlProductStore.OpenAsync(database).ConfigureAwait(false);
            await RunsAsync(store, rows, store.Location, MergeKey(options)).ConfigureAwait(false);
        }
        finally
        {
            if (options.Get("--keep") is null)
            {
                await BenchDatabase.DropAsync(server, database).ConfigureAwait(false);
            }
        }

        return 0;
    }

    // A run's merge key stands for its pipeline and catalog (Running.MergeKeys): the same for every run here.
    private static string? MergeKey(BenchArgs options) => options.Get("--no-merge-key") is null ? "bench" : null;

    private static async Task RunsAsync(IProductStore store, int rows, string location, string? mergeKey)
    {
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture, $"{rows:N0} records; {Environment.ProcessorCount} cores; .NET {Environment.Version}; {location}; merge key: {mergeKey ?? "none"}"));
        Console.WriteLine("| run | records/s | total | staging | commit | created | updated | unchanged |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        var runs = new (string Name, string Source, Func<int, ProductRecord> Record)[]
        {
            ("insert", "bench", i => Record(i, false)),
            ("10% changed", "bench", i => Record(i, i % 10 == 0)),
            ("same again", "bench", i => Record(i, i % 10 == 0)),
            ("second source (merge)", "erp", i => Stock(i, false)),
            ("second source again", "erp", i => Stock(i, false)),
            ("second source, 10% changed", "erp", i => Stock(i, i % 10 == 0)),
        };
        foreach (var (name, source, build) in runs)
        {
            var records = Enumerable.Range(0, rows).Select(build).ToList();
            GC.Collect();
            var clock = Stopwatch.StartNew();
            var run = new RunRecord { Id = $"bench-{name}", Pipeline = source, Feed = new FeedInfo(source + ".csv", 0, ""), Started = DateTimeOffset.UtcNow };
            await using var session = await store.BeginAsync(run, new SessionOptions { MergeKey = mergeKey }).ConfigureAwait(false);
            foreach (var record in records)
            {
                await session.UpsertAsync(record, []).ConfigureAwait(false);
            }

            var staging = clock.Elapsed;
            var summary = await session.CommitAsync().ConfigureAwait(false);
            var total = clock.Elapsed;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {name} | {rows / total.TotalSeconds:N0} | {total.TotalMilliseconds:N0} ms | {staging.TotalMilliseconds:N0} ms | {(total - staging).TotalMilliseconds:N0} ms | {summary.Created:N0} | {summary.Updated:N0} | {summary.Unchanged:N0} |"));
        }
    }

    /// <summary>A record shaped like the demo's: 14 values in three locales.</summary>
    private static ProductRecord Record(int i, bool changed)
    {
        var record = new ProductRecord($"BENCH-{i:D7}") { Parent = $"M-{i / 12:D6}", Family = "tshirts", Feed = "bench.csv", Line = i + 2 };
        record.Categories = ["apparel"];
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

    /// <summary>What a second source sends for the same SKU: stock only.</summary>
    private static ProductRecord Stock(int i, bool changed)
    {
        var record = new ProductRecord($"BENCH-{i:D7}") { Feed = "erp.csv", Line = i + 2 };
        record.Values.Add(new ProductValue("stock", null, null, changed ? "11" : "12", ValueOrigin.FromCell("erp.csv", i + 2, "stock")));
        return record;
    }
}
