using ProductFlow.IntegrationTests.Support;
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
}
