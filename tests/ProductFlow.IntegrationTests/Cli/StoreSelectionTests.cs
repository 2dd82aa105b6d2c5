using Npgsql;
using ProductFlow.IntegrationTests.Support;
using ProductFlow.Tests.Support;

namespace ProductFlow.IntegrationTests.Cli;

/// <summary><c>run --store</c> against a real server: a run stores there, and a store that cannot be opened is exit 4, one line, feed untouched.</summary>
[NonParallelizable]
public class StoreSelectionTests
{
    private TempDirectory _dir = null!;
    private string? _database;

    private static string Demo => TestPaths.InRepository("pipelines", "demo.json");

    [OneTimeSetUp]
    public async Task CreateDatabase() => _database = await PostgreSqlServer.CreateDatabaseAsync("cli");

    [OneTimeTearDown]
    public async Task DropDatabase()
    {
        if (_database is not null)
        {
            await PostgreSqlServer.DropDatabaseAsync(_database);
        }
    }

    [SetUp]
    public void CreateFolder() => _dir = new TempDirectory();

    [TearDown]
    public void DeleteFolder() => _dir.Dispose();

    [Test]
    [CancelAfter(120_000)]
    public void A_run_with_a_postgresql_url_stores_there_and_a_second_run_changes_nothing()
    {
        var server = new NpgsqlConnectionStringBuilder(_database);
        var url = $"postgresql://{Uri.EscapeDataString(server.Username!)}:{Uri.EscapeDataString(server.Password!)}@{server.Host}:{server.Port}/{server.Database}";

        var first = CliProcess.Run(_dir.Path, "run", Demo, "--data", _dir.Combine("data"), "--store", url, "--json");
        var second = CliProcess.Run(_dir.Path, "run", Demo, "--data", _dir.Combine("data"), "--store", _database!, "--json");

        Assert.That(first.ExitCode, Is.Zero, first.ToString());
        Assert.That(first.Stdout, Does.Contain("\"changed\":354"));
        Assert.That(second.ExitCode, Is.Zero, second.ToString());
        Assert.That(second.Stdout, Does.Contain("\"changed\":0").And.Contain("\"partner\":341"));
        Assert.That(Directory.Exists(_dir.Combine("data", "productflow.db")), Is.False);
        Assert.That(File.Exists(_dir.Combine("data", "productflow.db")), Is.False, "nothing goes to the embedded store");
    }

    [Test]
    [CancelAfter(120_000)]
    public void A_wrong_password_is_exit_4_with_one_line_naming_the_host()
    {
        var wrong = new NpgsqlConnectionStringBuilder(_database) { Password = "not-the-password" }.ConnectionString;

        var result = RunWithStore(wrong);

        AssertInfrastructureFailure(result, new NpgsqlConnectionStringBuilder(_database).Host!, "password authentication failed");
        Assert.That(result.Stderr, Does.Not.Contain("not-the-password"));
    }

    [Test]
    [CancelAfter(120_000)]
    public void A_server_that_is_down_is_exit_4_with_one_line_naming_the_host()
    {
        var down = new NpgsqlConnectionStringBuilder(_database) { Port = FreePort(), Timeout = 5 }.ConnectionString;

        AssertInfrastructureFailure(RunWithStore(down), "127.0.0.1", "Failed to connect");
    }

    [Test]
    [CancelAfter(120_000)]
    public void A_malformed_connection_string_is_exit_4_with_one_line_naming_the_host()
    {
        AssertInfrastructureFailure(RunWithStore("Host=db.example.test;Portt=5432;Password=s3cret"), "db.example.test", "malformed");
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task A_reading_command_refuses_a_database_that_holds_no_store_and_creates_nothing()
    {
        var empty = await PostgreSqlServer.CreateDatabaseAsync("cliempty");
        try
        {
            var result = CliProcess.Run(_dir.Path, "runs", "list", "--data", _dir.Combine("data"), "--store", empty);

            Assert.That(result.ExitCode, Is.EqualTo(4), result.ToString());
            Assert.That(result.Stderr.Trim(), Does.Contain("does not exist").And.Contain(new NpgsqlConnectionStringBuilder(empty).Database!).And.Not.Contain("\n"));
            await using var connection = new NpgsqlConnection(empty);
            await connection.OpenAsync();
            await using var tables = new NpgsqlCommand("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", connection);
            Assert.That(await tables.ExecuteScalarAsync(), Is.Zero, "no table was created");
        }
        finally
        {
            await PostgreSqlServer.DropDatabaseAsync(empty);
        }
    }

    private CliResult RunWithStore(string store)
    {
        var feed = _dir.File("feed.csv", File.ReadAllText(TestPaths.InRepository("samples", "supplier-apparel.csv")));
        var result = CliProcess.Run(_dir.Path, "run", Demo, "--input", feed, "--data", _dir.Combine("data"), "--store", store);
        Assert.That(File.Exists(feed), Is.True, "the feed is not consumed");
        Assert.That(Directory.Exists(_dir.Combine("data", "reports")), Is.False, "no run starts");
        return result;
    }

    private static void AssertInfrastructureFailure(CliResult result, string host, string reason)
    {
        Assert.That(result.ExitCode, Is.EqualTo(4), result.ToString());
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), result.ToString());
        Assert.That(lines[0], Does.StartWith("productflow: ").And.Contain(host).And.Contain(reason));
        Assert.That(result.Stdout, Is.Empty);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
