using ProductFlow.Access;
using ProductFlow.Events;
using ProductFlow.IntegrationTests.Support;
using ProductFlow.PostgreSql;
using ProductFlow.Store.Sqlite;
using ProductFlow.Tests.Support;

namespace ProductFlow.IntegrationTests.Cli;

/// <summary><c>store copy --to</c>: the laptop's embedded store moves to PostgreSQL with its whole history.</summary>
[NonParallelizable]
public class StoreCopyTests
{
    private TempDirectory _dir = null!;
    private string _database = "";

    private static string Demo => TestPaths.InRepository("pipelines", "demo.json");

    private string Data => _dir.Combine("data");

    [SetUp]
    public async Task CreateDatabase()
    {
        _dir = new TempDirectory();
        _database = await PostgreSqlServer.CreateDatabaseAsync("copy");
    }

    [TearDown]
    public async Task DropDatabase()
    {
        _dir.Dispose();
        await PostgreSqlServer.DropDatabaseAsync(_database);
    }

    [Test]
    [CancelAfter(180_000)]
    public void A_copied_store_reads_the_same_and_a_rerun_on_it_changes_nothing()
    {
        var renamed = _dir.File("renamed.csv", File.ReadAllText(TestPaths.InRepository("samples", "supplier-apparel.csv")).Replace("Classic Tee,", "Classic T-Shirt,", StringComparison.Ordinal));
        Assert.That(CliProcess.Run(_dir.Path, "run", Demo, "--data", Data).ExitCode, Is.Zero);
        Assert.That(CliProcess.Run(_dir.Path, "run", Demo, "--input", renamed, "--data", Data).ExitCode, Is.Zero);

        var copy = CliProcess.Run(_dir.Path, "store", "copy", "--data", Data, "--to", _database);
        var again = CliProcess.Run(_dir.Path, "store", "copy", "--data", Data, "--to", _database);

        Assert.That(copy.ExitCode, Is.Zero, copy.ToString());
        Assert.That(copy.Stdout, Does.Contain("products").And.Contain("354"));
        foreach (var command in new[] { new[] { "history", "TS-1001-NVY-M", "--json" }, ["runs", "list", "--json"], ["quarantine", "list", "--json"] })
        {
            var embedded = CliProcess.Run(_dir.Path, [.. command, "--data", Data]);
            var server = CliProcess.Run(_dir.Path, [.. command, "--store", _database]);
            Assert.That(server.Stdout, Is.EqualTo(embedded.Stdout), string.Join(' ', command));
        }

        Assert.That(again.ExitCode, Is.EqualTo(4), again.ToString());
        Assert.That(again.Stderr, Does.Contain("not empty"));
        var rerun = CliProcess.Run(_dir.Path, "run", Demo, "--input", renamed, "--data", Data, "--store", _database, "--json");
        Assert.That(rerun.Stdout, Does.Contain("\"changed\":0"), rerun.ToString());
    }

    [Test]
    [CancelAfter(180_000)]
    public async Task Partners_their_keys_and_activity_the_event_outbox_and_the_session_key_ring_move_with_the_store()
    {
        var at = new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);
        var catalog = TestPaths.InRepository("schemas", "catalog.json");
        var added = CliProcess.Run(_dir.Path, "partner", "add", "acme", "--channel", "partner", "--channel", "web", "--data", Data, "--catalog", catalog);
        var key = added.Stdout.TrimEnd('\n').Split('\n')[^1];
        Assert.That(CliProcess.Run(_dir.Path, "partner", "add", "globex", "--channel", "google", "--data", Data, "--catalog", catalog).ExitCode, Is.Zero);
        Assert.That(CliProcess.Run(_dir.Path, "partner", "disable", "globex", "--data", Data).ExitCode, Is.Zero);
        await using (var embedded = SqliteProductStore.Open(Data))
        {
            await embedded.RecordAccessAsync(
            [
                new AccessRecord(at, PrincipalKind.Partner, "acme", "latest", "partner", 200, 5120) { Version = 7 },
                new AccessRecord(at.AddHours(1), PrincipalKind.Partner, "acme", "manifest", "partner", 404, 0),
            ]);
            await embedded.AddEventsAsync(new[] { "e1", "e2", "e3" }.Select(id => new EventEnvelope(id, EventTypes.FeedAccepted, "/productflow/pipelines/demo", "feeds/demo/" + id, at, "{}"u8.ToArray())).ToList());
            await embedded.MarkSentAsync(["e1"], at.AddMinutes(1));
            await embedded.MarkFailedAsync(["e2"], "HTTP 503", at.AddMinutes(2));
            await embedded.SaveSessionKeyAsync("key-1", "<key id=\"1\" />", at);
        }

        var copy = CliProcess.Run(_dir.Path, "store", "copy", "--data", Data, "--to", _database);

        Assert.That(copy.ExitCode, Is.Zero, copy.ToString());
        foreach (var command in new[] { new[] { "partner", "list", "--json" }, ["partner", "activity", "acme", "--json"], ["events", "list", "--json"] })
        {
            var fromEmbedded = CliProcess.Run(_dir.Path, [.. command, "--data", Data]);
            var fromServer = CliProcess.Run(_dir.Path, [.. command, "--store", _database]);
            Assert.That(fromServer.Stdout, Is.EqualTo(fromEmbedded.Stdout).And.Not.Empty, string.Join(' ', command));
        }

        await using var server = await PostgreSqlProductStore.OpenAsync(_database);
        Assert.That((await KeyAuthenticator.AuthenticateAsync(server, key, DateTimeOffset.UtcNow, PrincipalKind.Partner))?.Name, Is.EqualTo("acme"), "the key works against the copy");
        Assert.That(await server.ReadEventsAsync(pendingOnly: true, 10).Select(e => e.Event.Id).ToListAsync(), Is.EqualTo(new[] { "e2", "e3" }));
        Assert.That(await server.ReadSessionKeysAsync().ToListAsync(), Is.EqualTo(new[] { ("key-1", "<key id=\"1\" />") }), "console sessions survive the move");
        var again = CliProcess.Run(_dir.Path, "store", "copy", "--data", Data, "--to", _database);
        Assert.That(again.ExitCode, Is.EqualTo(4), "partners and events make the target not empty");
    }
}
