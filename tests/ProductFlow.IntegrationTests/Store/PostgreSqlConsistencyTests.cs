using System.Diagnostics;
using Npgsql;
using ProductFlow.IntegrationTests.Support;
using ProductFlow.PostgreSql;
using ProductFlow.Store;
using ProductFlow.Tests.Support;

namespace ProductFlow.IntegrationTests.Store;

/// <summary>What only a real server shows: concurrent start-up migrations, concurrent runs, and a run killed with SIGKILL.</summary>
[NonParallelizable]
public class PostgreSqlConsistencyTests
{
    private readonly List<string> _databases = [];
    private TempDirectory _dir = null!;

    private static string Demo => TestPaths.InRepository("pipelines", "demo.json");

    [SetUp]
    public void CreateFolder() => _dir = new TempDirectory();

    [TearDown]
    public async Task DropDatabases()
    {
        _dir.Dispose();
        foreach (var database in _databases)
        {
            await PostgreSqlServer.DropDatabaseAsync(database);
        }

        _databases.Clear();
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Stores_opening_a_fresh_database_at_once_apply_each_migration_once()
    {
        var database = await NewDatabaseAsync();

        var stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => PostgreSqlProductStore.OpenAsync(database))));
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }

        Assert.That(await ScalarAsync<string>(database, "SELECT string_agg(version::text, ',' ORDER BY version) FROM productflow_schema"),
            Is.EqualTo(string.Join(',', Enumerable.Range(1, PostgreSqlSchema.LatestVersion))));
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Concurrent_runs_touching_the_same_skus_keep_one_linear_history_per_sku()
    {
        var database = await NewDatabaseAsync();
        var skus = Enumerable.Range(0, 3_000).Select(i => $"SKU-{i:D5}").ToList();
        await using var store = await PostgreSqlProductStore.OpenAsync(database);

        await Task.WhenAll(Enumerable.Range(1, 3).Select(run => Task.Run(async () =>
        {
            await using var session = await store.BeginAsync(new RunRecord { Id = $"run-{run}", Pipeline = $"feed-{run}", Feed = new FeedInfo("f.csv", 0, "") });
            foreach (var sku in skus)
            {
                await session.UpsertAsync(Some.Record(sku, ("price", run.ToString(System.Globalization.CultureInfo.InvariantCulture))), []);
            }

            await session.CommitAsync();
        })));

        var histories = await ScalarAsync<long>(
            database,
            "SELECT count(*) FROM (SELECT sku FROM product_versions GROUP BY sku HAVING array_agg(version ORDER BY version) = ARRAY[1,2,3]) linear");
        var current = await ScalarAsync<long>(database, "SELECT count(*) FROM products p JOIN product_versions v ON v.sku = p.sku AND v.version = 3 AND v.hash = p.hash WHERE p.version = 3");
        Assert.That((histories, current), Is.EqualTo((3_000L, 3_000L)));
    }

    [Test]
    [CancelAfter(300_000)]
    public async Task A_run_killed_mid_feed_commits_nothing_and_a_rerun_converges_to_a_clean_run()
    {
        var feed = BigFeed.Write(_dir.Combine("big.csv"), copies: 60);
        var killed = await NewDatabaseAsync();
        var clean = await NewDatabaseAsync();

        await KillMidRunAsync(killed, feed);
        var afterKill = await ScalarAsync<long>(killed, "SELECT count(*) FROM products") + await ScalarAsync<long>(killed, "SELECT count(*) FROM quarantine");
        var rerun = CliProcess.Run(_dir.Path, "run", Demo, "--input", feed, "--data", _dir.Combine("killed"), "--store", killed);
        var reference = CliProcess.Run(_dir.Path, "run", Demo, "--input", feed, "--data", _dir.Combine("clean"), "--store", clean);

        Assert.That(afterKill, Is.Zero, "the killed run committed nothing");
        Assert.That((rerun.ExitCode, reference.ExitCode), Is.EqualTo((0, 0)), rerun + "\n" + reference);
        const string State = "SELECT count(*) || ':' || sum(version) || ':' || md5(string_agg(sku || encode(hash, 'hex'), ',' ORDER BY sku)) FROM products";
        Assert.That(await ScalarAsync<string>(killed, State), Is.EqualTo(await ScalarAsync<string>(clean, State)));
        Assert.That(await ScalarAsync<long>(killed, "SELECT count(*) FROM product_versions"), Is.EqualTo(await ScalarAsync<long>(clean, "SELECT count(*) FROM product_versions")));
        Assert.That(await ScalarAsync<string>(killed, "SELECT string_agg(status, ',' ORDER BY started) FROM runs"), Is.EqualTo("running,completed"));
    }

    [Test]
    [CancelAfter(180_000)]
    public async Task Losing_the_server_mid_run_is_exit_4_in_one_line_and_commits_nothing()
    {
        var feed = BigFeed.Write(_dir.Combine("big.csv"), copies: 60);
        var database = await NewDatabaseAsync();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _dir.Path, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { CliProcess.Cli, "run", Demo, "--input", feed, "--data", _dir.Combine("lost"), "--store", database })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        await WaitForRunAsync(database, process);
        await Task.Delay(500);
        var name = new NpgsqlConnectionStringBuilder(database).Database;
        // The run opens its connections as it needs them (a first pass reads the feed alone): cut them until one was cut.
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!process.HasExited && DateTime.UtcNow < deadline
               && await ScalarAsync<long>(PostgreSqlServer.ConnectionString, $"SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '{name}' AND pid <> pg_backend_pid()") == 0)
        {
            await Task.Delay(50);
        }

        await process.WaitForExitAsync();

        var lines = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(process.ExitCode, Is.EqualTo(4), string.Join('\n', lines));
        Assert.That(lines, Has.Length.EqualTo(1));
        Assert.That(lines[0], Does.StartWith("productflow: the product store failed"));
        Assert.That(await ScalarAsync<long>(database, "SELECT count(*) FROM products"), Is.Zero);
    }

    private static async Task WaitForRunAsync(string database, Process process)
    {
        while (await ScalarAsync<long>(database, "SELECT count(*) FROM pg_tables WHERE tablename = 'runs'") == 0
            || await ScalarAsync<long>(database, "SELECT count(*) FROM runs") == 0)
        {
            Assert.That(process.HasExited, Is.False, "the run ended too early");
            await Task.Delay(50);
        }
    }

    private async Task KillMidRunAsync(string database, string feed)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _dir.Path, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { CliProcess.Cli, "run", Demo, "--input", feed, "--data", _dir.Combine("killed"), "--store", database })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        // Wait until the run is recorded as running (the store is open and reading has begun), then let it stage a while.
        while (await ScalarAsync<long>(database, "SELECT count(*) FROM pg_tables WHERE tablename = 'runs'") == 0
            || await ScalarAsync<long>(database, "SELECT count(*) FROM runs") == 0)
        {
            Assert.That(process.HasExited, Is.False, "the run ended before it could be killed");
            await Task.Delay(50);
        }

        await Task.Delay(700);
        Assert.That(process.HasExited, Is.False, "the run ended before it could be killed: make the feed larger");
        process.Kill(entireProcessTree: true); // SIGKILL: no finally blocks, no rollback by the client
        await process.WaitForExitAsync();
    }

    private async Task<string> NewDatabaseAsync()
    {
        var database = await PostgreSqlServer.CreateDatabaseAsync("consistency");
        _databases.Add(database);
        return database;
    }

    private static async Task<T> ScalarAsync<T>(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
