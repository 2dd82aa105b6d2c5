using Microsoft.Data.Sqlite;
using ProductFlow.Store;
using ProductFlow.Store.Sqlite;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Store;

/// <summary>Upgrading an embedded store written by an earlier schema (5: every version's document stored in full, twice for the current one).</summary>
public class SqliteSchemaTests
{
    private static CancellationToken Token => TestContext.CurrentContext.CancellationToken;

    [Test]
    [CancelAfter(60_000)]
    public async Task A_version_5_store_keeps_its_history_documents_and_unchanged_products_after_the_upgrade()
    {
        using var dir = new TempDirectory();
        var (v1, v2) = (new ProductDocument(), new ProductDocument());
        v1.Write(Some.Record("A", ("price", "10")), "test");
        v2.Write(Some.Record("A", ("price", "11")), "test");
        WriteVersion5Store(Path.Combine(dir.Path, SqliteProductStore.FileName), v1, v2);

        await using var store = SqliteProductStore.Open(dir.Path);
        var history = await HistoryAsync(store, "A");
        Assert.That(history.Select(v => ProductDocument.Read(v.Document).Values.Single().Data), Is.EqualTo(new[] { "10", "11" }));
        Assert.That((await store.FindProductAsync("A", Token))!.Record.Values.Single().Data, Is.EqualTo("11"));

        // products.state is unknown after the upgrade: the session reads the row, sees the same content, and makes no version.
        Assert.That(await UpsertAsync(store, Some.Record("A", ("price", "11"))), Is.EqualTo(new CommitSummary(0, 0, 1)));
        Assert.That(await UpsertAsync(store, Some.Record("A", ("price", "12"))), Is.EqualTo(new CommitSummary(0, 1, 0)));
        history = await HistoryAsync(store, "A");
        Assert.That(history.Select(v => ProductDocument.Read(v.Document).Values.Single().Data), Is.EqualTo(new[] { "10", "11", "12" }));
        Assert.That(await ScalarAsync(dir.Path, "PRAGMA user_version"), Is.EqualTo(SqliteSchema.Latest));
        Assert.That(await ScalarAsync(dir.Path, "SELECT count(*) FROM products WHERE sku = 'A' AND model = 'A'"), Is.EqualTo(1));
        // The view keeps the relation readers knew (store copy reads it): every version with its whole document.
        Assert.That(await ScalarAsync(dir.Path, "SELECT count(*) FROM product_versions WHERE sku = 'A' AND length(doc) > 0"), Is.EqualTo(3));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_version_6_store_keeps_publishing_its_products_where_they_were_checked_and_everywhere_when_it_cannot_tell()
    {
        using var dir = new TempDirectory();
        var (a, b) = (new ProductDocument(), new ProductDocument());
        a.Write(Some.Record("A", ("price", "10")), "test");
        b.Write(Some.Record("B", ("price", "10")), "test");
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(dir.Path, SqliteProductStore.FileName), Pooling = false }.ToString()))
        {
            connection.Open();
            SqliteSchema.Migrate(connection, 6);
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO products (sku, version, hash, enabled, blocked, doc, run_id, source, removed, change_seq, notes, sources, state, model) VALUES
                    ('A', 1, $ha, 1, '', $da, 'r1', 'test', 0, 1, '{"channels":["partner"],"issues":[]}', '|test|', 7, 'A'),
                    ('B', 1, $hb, 1, '', $db, 'r1', 'test', 0, 2, '', '|test|', 7, 'B');
                """;
            command.Parameters.AddWithValue("$ha", a.Hash);
            command.Parameters.AddWithValue("$da", a.Content.ToArray());
            command.Parameters.AddWithValue("$hb", b.Hash);
            command.Parameters.AddWithValue("$db", b.Content.ToArray());
            command.ExecuteNonQuery();
        }

        await using var store = SqliteProductStore.Open(dir.Path);
        var products = new List<PublishableProduct>();
        await foreach (var product in store.ReadPublishableAsync(Token))
        {
            products.Add(product);
        }

        Assert.That(products.Select(p => (p.Record.Sku, p.IsPublishableOn("partner"), p.IsPublishableOn("web"))), Is.EqualTo(new[] { ("A", true, false), ("B", true, true) }));
        Assert.That(await ScalarAsync(dir.Path, "SELECT state FROM products WHERE sku = 'B'"), Is.Zero, "a product of unknown channels is read again by the next session");
    }

    private static void WriteVersion5Store(string path, ProductDocument v1, ProductDocument v2)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        SqliteSchema.Migrate(connection, 5);
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO products (sku, version, hash, enabled, blocked, doc, run_id, source, removed, change_seq, notes, sources)
                VALUES ('A', 2, $h2, 1, '', $d2, 'r2', 'test', 0, 2, '', '|test|');
            INSERT INTO product_versions (sku, version, run_id, at, hash, doc, lineage, removed) VALUES
                ('A', 1, 'r1', '2026-01-01T00:00:00.000Z', $h1, $d1, $l1, 0),
                ('A', 2, 'r2', '2026-01-02T00:00:00.000Z', $h2, $d2, $l2, 0);
            """;
        command.Parameters.AddWithValue("$h1", v1.Hash);
        command.Parameters.AddWithValue("$d1", v1.Content.ToArray());
        command.Parameters.AddWithValue("$l1", v1.Lineage.ToArray());
        command.Parameters.AddWithValue("$h2", v2.Hash);
        command.Parameters.AddWithValue("$d2", v2.Content.ToArray());
        command.Parameters.AddWithValue("$l2", v2.Lineage.ToArray());
        command.ExecuteNonQuery();
    }

    private static async Task<CommitSummary> UpsertAsync(SqliteProductStore store, ProductFlow.Model.ProductRecord record)
    {
        var run = new RunRecord { Id = "run-" + Guid.NewGuid().ToString("N")[..6], Pipeline = "test", Feed = new FeedInfo("feed.csv", 1, "abc"), Started = DateTimeOffset.UnixEpoch };
        await using var session = await store.BeginAsync(run, cancellationToken: Token);
        await session.UpsertAsync(record, [], Token);
        return await session.CommitAsync(Token);
    }

    private static async Task<List<StoredVersion>> HistoryAsync(SqliteProductStore store, string sku)
    {
        var versions = new List<StoredVersion>();
        await foreach (var version in store.ReadHistoryAsync(sku, Token))
        {
            versions.Add(version);
        }

        return versions;
    }

    private static async Task<long> ScalarAsync(string folder, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, SqliteProductStore.FileName), Pooling = false }.ToString());
        await connection.OpenAsync(Token);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync(Token))!;
    }
}
