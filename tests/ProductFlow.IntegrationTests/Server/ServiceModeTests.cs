using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage;
using ProductFlow.Catalog;
using ProductFlow.IntegrationTests.Support;
using ProductFlow.Publishing;
using ProductFlow.Tests.Support;

namespace ProductFlow.IntegrationTests.Server;

/// <summary>Service mode on the real thing: <c>serve</c> and <c>worker</c> processes, Hangfire on a throwaway PostgreSQL, feeds dropped in
/// the inbox, schedules triggered, workers stopped and killed mid-run.</summary>
[NonParallelizable]
[CancelAfter(300_000)]
public partial class ServiceModeTests
{
    private DemoFolder _demo = null!;
    private string _store = "";

    [SetUp]
    public void SetUp() => _demo = new DemoFolder();

    [TearDown]
    public void TearDown() => _demo.Dispose();

    /// <summary>Settings that make a test's service quick: polls every second, feeds ready at once, short timeouts.</summary>
    private Dictionary<string, string?> Service(bool postgres = true, string invisibility = "00:00:15", string shutdown = "00:00:20") => new()
    {
        ["PRODUCTFLOW_STORE"] = null, ["PRODUCTFLOW_EXPORTS"] = null, ["PRODUCTFLOW_BLOB"] = null,
        ["ProductFlow__Store__ConnectionString"] = postgres ? PostgreSqlServer.AsService(_store) : null,
        ["ProductFlow__Exports__Folder"] = postgres ? Path.Combine(_demo.Data, "exports") : null,
        ["ProductFlow__DataDirectory"] = _demo.Data,
        ["ProductFlow__AdminKey"] = "operator-key-for-tests-only",
        ["ProductFlow__Inbox__Poll"] = "* * * * * *",
        ["ProductFlow__Inbox__StableFor"] = "00:00:00",
        ["ProductFlow__Inbox__ClaimTimeout"] = "00:00:10",
        ["ProductFlow__Jobs__QueuePollInterval"] = "00:00:00.5",
        ["ProductFlow__Jobs__SchedulePollingInterval"] = "00:00:01",
        ["ProductFlow__Jobs__InvisibilityTimeout"] = invisibility,
        ["ProductFlow__Jobs__ShutdownTimeout"] = shutdown,
    };

    private async Task<Dictionary<string, string?>> PostgresServiceAsync(string invisibility = "00:00:15", string shutdown = "00:00:20")
    {
        _store = await PostgreSqlServer.CreateDatabaseAsync("service");
        return Service(postgres: true, invisibility, shutdown);
    }

    private Dictionary<string, string?> Cli() => new() { ["PRODUCTFLOW_STORE"] = _store.Length > 0 ? _store : null, ["PRODUCTFLOW_EXPORTS"] = null };

    private JsonElement Runs()
    {
        var result = _demo.Cli(Cli(), "runs", "list", "--json", "--data", _demo.Data);
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        return JsonDocument.Parse(result.Stdout).RootElement.GetProperty("runs");
    }

    private static async Task WaitForAsync(Func<bool> done, TimeSpan timeout, Func<string> explain)
    {
        var clock = Stopwatch.StartNew();
        while (!done())
        {
            if (clock.Elapsed > timeout)
            {
                Assert.Fail($"not done within {timeout.TotalSeconds} s:\n{explain()}");
            }

            await Task.Delay(250);
        }
    }

    private string[] Archived(string name) => Directory.Exists(Path.Combine(_demo.Data, "archive"))
        ? Directory.GetFiles(Path.Combine(_demo.Data, "archive"), name, SearchOption.AllDirectories)
        : [];

    [Test]
    public async Task Serve_embedded_alone_runs_a_feed_dropped_in_its_inbox_and_files_it_with_its_report()
    {
        await using var serve = await ServeProcess.StartAsync(_demo.Root, Service(postgres: false), "--embedded");

        _demo.Drop(_demo.Sample, "monday.csv");
        await WaitForAsync(() => Archived("monday.csv").Length == 1, TimeSpan.FromSeconds(60), () => serve.Output);

        var archived = Archived("monday.csv").Single();
        Assert.That(File.Exists(Path.Combine(Path.GetDirectoryName(archived)!, "report.json")), Is.True);
        Assert.That(File.Exists(Path.Combine(_demo.Data, "exports", "web", "current")), Is.True, "the demo publishes on run");
        Assert.That(Directory.EnumerateFileSystemEntries(Path.Combine(_demo.Data, "inbox", "demo")), Is.Empty);
    }

    [Test]
    public async Task Two_workers_polling_one_inbox_run_a_dropped_feed_once()
    {
        var service = await PostgresServiceAsync();
        await using var first = await WorkerProcess.StartAsync(_demo.Root, service);
        await using var second = await WorkerProcess.StartAsync(_demo.Root, service);

        _demo.Drop(_demo.Sample, "tuesday.csv");
        await WaitForAsync(() => Archived("tuesday.csv").Length == 1, TimeSpan.FromSeconds(60), () => first.Output + second.Output);
        await Task.Delay(TimeSpan.FromSeconds(3)); // time for a second run, were there one

        var runs = Runs().EnumerateArray().Where(r => r.GetProperty("feed").GetProperty("name").GetString() == "tuesday.csv").ToList();
        Assert.That(runs, Has.Count.EqualTo(1), first.Output + second.Output);
        Assert.That(runs[0].GetProperty("status").GetString(), Is.EqualTo("completed"));
    }

    [Test]
    public async Task Every_process_registers_the_same_recurring_jobs_once_and_a_triggered_schedule_publishes_the_channels_delta()
    {
        _demo.Patch("pipelines/demo.json", "\"publish\": \"onRun\"", "\"publish\": \"scheduled\"")
            .Patch("schemas/catalog.json", "\"kind\": \"web-json\",", "\"kind\": \"web-json\", \"mode\": \"delta\", \"schedule\": { \"cron\": \"0 2 * * *\", \"timeZone\": \"Europe/Oslo\" },");
        var service = await PostgresServiceAsync();
        await using var worker = await WorkerProcess.StartAsync(_demo.Root, service);
        await using (await ServeProcess.StartAsync(_demo.Root, service))
        {
        }

        Assert.That(RecurringJobIds(), Is.EquivalentTo(new[] { "channel:web", "inbox:demo", "retention" }), "registered by the worker and by serve: one of each");
        var list = _demo.Cli(Cli(), "schedules", "list", "--json");
        var listed = JsonDocument.Parse(list.Stdout).RootElement.GetProperty("schedules").EnumerateArray().Single();
        Assert.That(listed.GetProperty("id").GetString(), Is.EqualTo("channel:web"));
        Assert.That(listed.GetProperty("next").GetString(), Does.Contain("T02:00:00"), "02:00 in Oslo");

        Assert.That(_demo.Cli(Cli(), "run", _demo.Pipeline, "--data", _demo.Data, "--quiet").ExitCode, Is.Zero);
        var current = Path.Combine(_demo.Data, "exports", "web", "current");
        Assert.That(File.Exists(current), Is.False, "a scheduled pipeline's run only stores");

        var triggered = _demo.Cli(Cli(), "schedules", "trigger", "channel:web");
        Assert.That(triggered.ExitCode, Is.Zero, triggered.ToString());
        await WaitForAsync(() => File.Exists(current) && File.ReadAllText(current).Trim() == "v1", TimeSpan.FromSeconds(60), () => worker.Output);

        var repriced = _demo.Combine("repriced.csv");
        File.WriteAllText(repriced, File.ReadAllText(_demo.Sample).Replace(",19.90,", ",21.90,", StringComparison.Ordinal));
        Assert.That(_demo.Cli(Cli(), "run", _demo.Pipeline, "--input", repriced, "--data", _demo.Data, "--quiet").ExitCode, Is.Zero);
        Assert.That(_demo.Cli(Cli(), "schedules", "trigger", "channel:web").ExitCode, Is.Zero);
        await WaitForAsync(() => File.ReadAllText(current).Trim() == "v2", TimeSpan.FromSeconds(60), () => worker.Output);

        using var manifest = File.OpenRead(Path.Combine(_demo.Data, "exports", "web", "v2", ExportLayout.ManifestName));
        var v2 = ExportManifest.Read(manifest);
        Assert.That(v2.Mode, Is.EqualTo(Catalog.ExportMode.Delta));
        Assert.That(v2.Changed, Is.GreaterThan(0));
        Assert.That(v2.Added + v2.Removed, Is.Zero);
    }

    [Test]
    public async Task A_worker_killed_mid_run_leaves_its_feed_to_another_that_completes_it_once()
    {
        var big = PrepareBigFeed(copies: 120);
        var service = await PostgresServiceAsync();
        var doomed = await WorkerProcess.StartAsync(_demo.Root, service);
        _demo.Drop(big, "big.csv");
        await doomed.WaitForOutputAsync("demo reads", TimeSpan.FromSeconds(60));
        doomed.Kill();
        await doomed.DisposeAsync();

        await using var survivor = await WorkerProcess.StartAsync(_demo.Root, service);
        await WaitForAsync(() => Archived("big.csv").Length == 1, TimeSpan.FromSeconds(150), () => survivor.Output);

        AssertRunOnce("big.csv", survivor.Output);
    }

    [Test]
    public async Task A_worker_stopped_with_sigterm_mid_run_lets_its_feed_run_again_once()
    {
        var big = PrepareBigFeed(copies: 120);
        var service = await PostgresServiceAsync(shutdown: "00:00:06");
        var stopping = await WorkerProcess.StartAsync(_demo.Root, service);
        _demo.Drop(big, "big.csv");
        await stopping.WaitForOutputAsync("demo reads", TimeSpan.FromSeconds(60));
        stopping.Terminate();
        Assert.That(await stopping.WaitForExitAsync(TimeSpan.FromSeconds(40)), Is.Zero, stopping.Output);
        await stopping.DisposeAsync();

        await using var next = await WorkerProcess.StartAsync(_demo.Root, service);
        await WaitForAsync(() => Archived("big.csv").Length == 1, TimeSpan.FromSeconds(150), () => stopping.Output + next.Output);

        AssertRunOnce("big.csv", next.Output);
    }

    [Test]
    public async Task A_job_that_outlives_a_short_invisibility_timeout_is_not_run_twice_at_once()
    {
        var big = PrepareBigFeed(copies: 60);
        var service = await PostgresServiceAsync(invisibility: "00:00:03");
        await using var first = await WorkerProcess.StartAsync(_demo.Root, service);
        await using var second = await WorkerProcess.StartAsync(_demo.Root, service);

        _demo.Drop(big, "big.csv");
        await WaitForAsync(() => Archived("big.csv").Length == 1, TimeSpan.FromSeconds(150), () => first.Output + second.Output);
        await Task.Delay(TimeSpan.FromSeconds(4));

        var readers = new[] { first.Output, second.Output }.Count(o => o.Contains("demo reads", StringComparison.Ordinal));
        Assert.That(readers, Is.EqualTo(1), "one worker ran the feed; the other never started it");
        AssertRunOnce("big.csv", first.Output + second.Output);
    }

    [Test]
    public async Task The_dashboard_refuses_an_anonymous_request_and_a_wrong_key_and_opens_to_the_admin_key()
    {
        await using var serve = await ServeProcess.StartAsync(_demo.Root, Service(postgres: false), "--embedded");

        using var anonymous = await serve.Client.GetAsync(new Uri("hangfire", UriKind.Relative));
        using var wrong = new HttpRequestMessage(HttpMethod.Get, new Uri("hangfire", UriKind.Relative));
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("ops:not-the-key")));
        using var refused = await serve.Client.SendAsync(wrong);
        using var right = new HttpRequestMessage(HttpMethod.Get, new Uri("hangfire", UriKind.Relative));
        right.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("ops:operator-key-for-tests-only")));
        using var admitted = await serve.Client.SendAsync(right);

        Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(anonymous.Headers.WwwAuthenticate.Single().Scheme, Is.EqualTo("Basic"));
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(admitted.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await admitted.Content.ReadAsStringAsync(), Does.Contain("ProductFlow jobs"));
    }

    /// <summary>A feed of copies of the sample, and a pipeline that accepts them (the copies repeat the sample's GTINs).</summary>
    private string PrepareBigFeed(int copies)
    {
        _demo.Patch("pipelines/demo.json", "\"unique\": [\"gtin\"],", "");
        return BigFeed.Write(_demo.Combine("big-source.csv"), copies, distinctModels: true);
    }

    private void AssertRunOnce(string feed, string output)
    {
        var runs = Runs().EnumerateArray().Where(r => r.GetProperty("feed").GetProperty("name").GetString() == feed).ToList();
        var completed = runs.Where(r => r.GetProperty("status").GetString() == "completed").ToList();
        Assert.That(completed, Has.Count.EqualTo(1), "one completed run: " + string.Join("\n", runs) + "\n" + output);
        Assert.That(completed[0].GetProperty("counts").GetProperty("accepted").GetInt64(), Is.GreaterThan(10_000));

        var history = _demo.Cli(Cli(), "history", "C0001-TS-1001-NVY-M", "--json", "--data", _demo.Data);
        Assert.That(JsonDocument.Parse(history.Stdout).RootElement.GetProperty("versions").GetArrayLength(), Is.EqualTo(1), "no duplicate versions");

        foreach (var channel in new[] { "web", "partner" })
        {
            var folder = Path.Combine(_demo.Data, "exports", channel);
            var version = File.ReadAllText(Path.Combine(folder, "current")).Trim();
            using var stream = File.OpenRead(Path.Combine(folder, version, ExportLayout.ManifestName));
            var manifest = ExportManifest.Read(stream);
            Assert.That(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, version, manifest.File)))), Is.EqualTo(manifest.Sha256), channel + " whole");
        }
    }

    private List<string> RecurringJobIds()
    {
        var storage = new PostgreSqlStorage(
            new NpgsqlConnectionFactory(_store, new PostgreSqlStorageOptions { SchemaName = "hangfire" }),
            new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = false });
        using var connection = storage.GetConnection();
        return connection.GetRecurringJobs().Select(j => j.Id).ToList();
    }
}
