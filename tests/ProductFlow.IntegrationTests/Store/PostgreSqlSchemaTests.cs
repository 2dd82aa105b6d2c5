using Npgsql;
using ProductFlow.IntegrationTests.Support;
using ProductFlow.PostgreSql;
using ProductFlow.Store;
using ProductFlow.Tests.Support;

namespace ProductFlow.IntegrationTests.Store;

/// <summary>Upgrading a PostgreSQL store written by an earlier schema (5: every version's document stored in full, twice for the current one).</summary>
[NonParallelizable]
public class PostgreSqlSchemaTests
{
    private string _database = "";

    [SetUp]
    public async Task CreateDatabase() => _database = await PostgreSqlServer.CreateDatabaseAsync("schema");

    [TearDown]
    public async Task DropDatabase() => await PostgreSqlServer.DropDatabaseAsync(_database);

    [Test]
    [CancelAfter(60_000)]
    public async Task Migration_6_keeps_every_version_document_and_stores_the_current_one_once()
    {
        var first = Document("A", "1");
        var second = Document("A", "2");
        var gone = Document("B", "9");
        await using (var connection = new NpgsqlConnection(_database))
        {
            await connection.OpenAsync();
            await PostgreSqlSchema.MigrateAsync(connection, 5, CancellationToken.None);

            // As schema 5 wrote them: A changed once, B removed (its tombstone repeats the last document).
            await using var command = new NpgsqlCommand(
                $"""
                INSERT INTO runs (id, pipeline, feed_name, feed_size, feed_sha256, started, status, read, accepted, rejected, warnings, changed)
                    VALUES ('r1', 'demo', 'f.csv', 0, '', '2026-01-01Z', 'completed', 0, 0, 0, 0, 0);
                INSERT INTO products (sku, version, hash, enabled, blocked, doc, run_id, change_seq, source, removed, sources) VALUES
                    ('A', 2, {Hex(second.Hash)}, true, '', {Hex(second.Doc)}, 'r1', 2, 'demo', false, '|demo|'),
                    ('B', 2, {Hex(gone.Hash)}, true, '', {Hex(gone.Doc)}, 'r1', 3, 'demo', true, '');
                INSERT INTO product_versions (sku, version, run_id, at, hash, doc, lineage, removed) VALUES
                    ('A', 1, 'r1', '2026-01-01Z', {Hex(first.Hash)}, {Hex(first.Doc)}, {Hex(second.Lineage)}, false),
                    ('A', 2, 'r1', '2026-01-01Z', {Hex(second.Hash)}, {Hex(second.Doc)}, {Hex(second.Lineage)}, false),
                    ('B', 1, 'r1', '2026-01-01Z', {Hex(gone.Hash)}, {Hex(gone.Doc)}, {Hex(second.Lineage)}, false),
                    ('B', 2, 'r1', '2026-01-01Z', {Hex(gone.Hash)}, {Hex(gone.Doc)}, convert_to('[]', 'UTF8'), true);
                SELECT setval('product_changes', 3);
                """,
                connection);
            await command.ExecuteNonQueryAsync();
        }

        await using var store = await PostgreSqlProductStore.OpenAsync(_database);

        Assert.That(await ScalarAsync("SELECT count(*) FROM product_versions WHERE length(doc) = 0"), Is.EqualTo(2), "the current versions' documents are in products only");
        Assert.That(await DocumentsAsync(store, "A"), Is.EqualTo(new[] { first.Doc, second.Doc }));
        Assert.That(await DocumentsAsync(store, "B"), Is.EqualTo(new[] { gone.Doc, gone.Doc }));
        var found = await store.FindProductAsync("A");
        Assert.That(found!.Version, Is.EqualTo(2));
        Assert.That(found.Record.Values.Single().Data, Is.EqualTo("2"));

        // A new version of each moves the superseded document into its version row.
        var run = new RunRecord { Id = "r2", Pipeline = "demo", Feed = new FeedInfo("f.csv", 0, "") };
        await store.SaveRunAsync(run);
        await using (var session = await store.BeginAsync(run))
        {
            await session.UpsertAsync(Some.Record("A", ("price", "3")), []);
            await session.UpsertAsync(Some.Record("B", ("price", "9")), []);
            Assert.That((await session.CommitAsync()).Updated, Is.EqualTo(2));
        }

        var third = Document("A", "3");
        Assert.That(await DocumentsAsync(store, "A"), Is.EqualTo(new[] { first.Doc, second.Doc, third.Doc }));
        Assert.That(await DocumentsAsync(store, "B"), Is.EqualTo(new[] { gone.Doc, gone.Doc, Document("B", "9").Doc }));
        Assert.That(await ScalarAsync("SELECT count(*) FROM product_versions WHERE length(doc) = 0"), Is.EqualTo(2));
        Assert.That(await ScalarAsync("SELECT max(version) FROM productflow_schema"), Is.EqualTo(PostgreSqlSchema.LatestVersion));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Migration_7_keeps_publishing_products_where_they_were_checked_and_everywhere_when_it_cannot_tell()
    {
        const string Notes = """'{"channels":["partner","web"],"issues":[]}'""";
        var a = Document("A", "1");
        var b = Document("B", "2");
        await using (var connection = new NpgsqlConnection(_database))
        {
            await connection.OpenAsync();
            await PostgreSqlSchema.MigrateAsync(connection, 6, CancellationToken.None);
            await using var command = new NpgsqlCommand(
                $"""
                INSERT INTO products (sku, version, hash, enabled, blocked, doc, run_id, change_seq, source, removed, sources, notes) VALUES
                    ('A', 1, {Hex(a.Hash)}, true, '', {Hex(a.Doc)}, 'r1', 1, 'demo', false, '|demo|', {Notes}),
                    ('B', 1, {Hex(b.Hash)}, true, '', {Hex(b.Doc)}, 'r1', 2, 'demo', false, '|demo|', '');
                """,
                connection);
            await command.ExecuteNonQueryAsync();
        }

        await using var store = await PostgreSqlProductStore.OpenAsync(_database);
        var products = new List<PublishableProduct>();
        await foreach (var product in store.ReadPublishableAsync())
        {
            products.Add(product);
        }

        Assert.That(products.Select(p => (p.Record.Sku, p.Checked)), Is.EqualTo(new[] { ("A", "|partner|web|"), ("B", "|*|") }));
        Assert.That(products.Select(p => (p.IsPublishableOn("partner"), p.IsPublishableOn("google"))), Is.EqualTo(new[] { (true, false), (true, true) }));
    }

    private static string Hex(byte[] bytes) => $"'\\x{Convert.ToHexString(bytes)}'::bytea";

    private static (byte[] Doc, byte[] Hash, byte[] Lineage) Document(string sku, string price)
    {
        var document = new ProductDocument();
        document.Write(Some.Record(sku, ("price", price)), "demo");
        return (document.Content.ToArray(), document.Hash, document.Lineage.ToArray());
    }

    private static async Task<List<byte[]>> DocumentsAsync(PostgreSqlProductStore store, string sku)
    {
        var documents = new List<byte[]>();
        await foreach (var version in store.ReadHistoryAsync(sku))
        {
            documents.Add(version.Document);
        }

        return documents;
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
