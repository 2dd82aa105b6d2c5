using System.Diagnostics;
using ProductFlow.Access;
using ProductFlow.Store;
using ProductFlow.Store.Sqlite;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Access;

/// <summary>The access contract against the embedded SQLite store, a fresh file per test; and its writes beside a run's long transaction.</summary>
public class SqliteAccessStoreTests : AccessStoreContractTests
{
    private TempDirectory? _dir;

    protected override Task<IProductStore> OpenEmptyStoreAsync()
    {
        _dir = new TempDirectory();
        return Task.FromResult<IProductStore>(SqliteProductStore.Open(_dir.Path));
    }

    [TearDown]
    public void DeleteFolder() => _dir?.Dispose();

    [Test]
    [CancelAfter(60_000)]
    public async Task Access_records_written_by_another_store_object_during_a_runs_transaction_wait_for_it_and_are_kept()
    {
        await using var host = SqliteProductStore.Open(_dir!.Path);
        var run = new RunRecord { Id = "run-1", Pipeline = "demo", Feed = new FeedInfo("feed.csv", 1, "00"), Started = Now };
        await using var session = await Store.BeginAsync(run, cancellationToken: Token);
        await session.UpsertAsync(Some.Record("A", ("price", "1")), [], Token);
        var clock = Stopwatch.StartNew();

        // The host records a request from its own connection while the run holds SQLite's one write lock.
        var recording = Task.Run(() => host.RecordAccessAsync([new AccessRecord(Now, PrincipalKind.Partner, "acme", "latest", "partner", 200, 10)], Token), Token);
        await Task.Delay(TimeSpan.FromMilliseconds(700), Token);
        Assert.That(recording.IsCompleted, Is.False, "the write waits for the run's transaction");
        await session.CommitAsync(Token);
        await recording;

        Assert.That(clock.Elapsed, Is.LessThan(SqliteProductStore.BusyTimeout));
        Assert.That(await Store.ReadAccessAsync(PrincipalKind.Partner, "acme", cancellationToken: Token).CountAsync(Token), Is.EqualTo(1));
        Assert.That(await Store.FindProductAsync("A", Token), Is.Not.Null);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_store_opened_during_a_runs_transaction_reads_keys_at_once()
    {
        var (key, stored) = ApiKeys.Create(PrincipalKind.Partner, "acme", Now);
        await Store.SavePrincipalAsync(new Principal(PrincipalKind.Partner, "acme") { Grants = ["partner"], Created = Now }, Token);
        await Store.AddKeyAsync(stored, Token);
        var run = new RunRecord { Id = "run-1", Pipeline = "demo", Feed = new FeedInfo("feed.csv", 1, "00"), Started = Now };
        await using var session = await Store.BeginAsync(run, cancellationToken: Token);
        await session.UpsertAsync(Some.Record("A", ("price", "1")), [], Token);
        var clock = Stopwatch.StartNew();

        // A request of the host opens its own store object while the run holds SQLite's one write lock.
        Principal? partner;
        await using (var request = SqliteProductStore.Open(_dir!.Path))
        {
            partner = await KeyAuthenticator.AuthenticateAsync(request, key, Now, PrincipalKind.Partner, Token);
        }

        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)), "opening a store that needs no migration takes no write lock");
        Assert.That(partner?.Name, Is.EqualTo("acme"));
        await session.CommitAsync(Token);
    }
}
