using Npgsql;
using ProductFlow.IntegrationTests.Support;
using ProductFlow.PostgreSql;
using ProductFlow.Store;
using ProductFlow.Tests.Store;
using ProductFlow.Tests.Support;

namespace ProductFlow.IntegrationTests.Store;

/// <summary>The store contract against PostgreSQL: one database for the fixture, emptied before each test; once more with sessions written in the background, as a run writes them.</summary>
[NonParallelizable]
[TestFixture(false)]
[TestFixture(true)]
public class PostgreSqlProductStoreTests(bool background) : ProductStoreContractTests
{
    private string? _database;

    [OneTimeSetUp]
    public async Task CreateDatabase() => _database = await PostgreSqlServer.CreateDatabaseAsync("contract");

    [OneTimeTearDown]
    public async Task DropDatabase()
    {
        if (_database is not null)
        {
            await PostgreSqlServer.DropDatabaseAsync(_database);
        }
    }

    protected override async Task<IProductStore> OpenEmptyStoreAsync()
    {
        await PostgreSqlServer.TruncateAsync(_database!);
        var store = await PostgreSqlProductStore.OpenAsync(_database!);
        return background ? new BackgroundSessionStore(store) : store;
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Staging_copy_of_many_chunks_with_quarantine_between_commits_every_row()
    {
        // Enough rows for many chunks of the staging copy, and a quarantine flush that ends the COPY mid-session.
        const int rows = 3_000;
        var run = Run();
        await Store.SaveRunAsync(run, cancellationToken: Token);
        await using (var session = await Store.BeginAsync(run, cancellationToken: Token))
        {
            for (var i = 0; i < rows; i++)
            {
                await session.UpsertAsync(Some.Record($"S{i:D5}", ("description", new string('x', 200 + (i % 50))), ("name", $"Größe {i} ✓")), [], Token);
                if (i == rows / 2)
                {
                    for (var q = 0; q < PostgreSqlStoreSession.BatchSize; q++)
                    {
                        await session.QuarantineAsync(Rejected($"Q{q}", line: q + 10), Token);
                    }
                }
            }

            var summary = await session.CommitAsync(Token);
            Assert.That(summary.Created, Is.EqualTo(rows));
        }

        var last = await HistoryAsync($"S{rows - 1:D5}");
        Assert.That(ProductDocument.Read(last.Single().Document).Values.Select(v => v.Data), Does.Contain($"Größe {rows - 1} ✓"));
        Assert.That(await Store.ReadQuarantineAsync(cancellationToken: Token).CountAsync(Token), Is.EqualTo(PostgreSqlStoreSession.BatchSize));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_row_the_server_refuses_fails_the_commit_and_commits_nothing()
    {
        await using (var session = await Store.BeginAsync(Run(), cancellationToken: Token))
        {
            await session.UpsertAsync(Some.Record("A", ("price", "10")), [], Token);
            await session.UpsertAsync(Some.Record("B\0", ("price", "10")), [], Token); // NUL is no PostgreSQL text
            Assert.That(async () => await session.CommitAsync(Token), Throws.InstanceOf<PostgresException>());
        }

        Assert.That(await HistoryAsync("A"), Is.Empty);
        Assert.That(await ChannelAsync("partner"), Is.Empty);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_cancelled_upsert_mid_copy_leaves_nothing_and_the_store_stays_usable()
    {
        using var cancel = new CancellationTokenSource();
        await using (var session = await Store.BeginAsync(Run(), cancellationToken: Token))
        {
            Assert.That(
                async () =>
                {
                    for (var i = 0; ; i++)
                    {
                        if (i == 2_000)
                        {
                            await cancel.CancelAsync();
                        }

                        await session.UpsertAsync(Some.Record($"C{i:D5}", ("description", new string('y', 400))), [], cancel.Token);
                    }
                },
                Throws.InstanceOf<OperationCanceledException>());
        }

        Assert.That(await HistoryAsync("C00000"), Is.Empty);
        await UpsertAsync(Some.Record("A", ("price", "10")));
        Assert.That(await HistoryAsync("A"), Has.Count.EqualTo(1));
    }
}
