using System.Diagnostics;
using System.Text.Json;
using ProductFlow.Events;
using ProductFlow.IntegrationTests.Support;
using ProductFlow.Tests.Support;

namespace ProductFlow.IntegrationTests.Events;

/// <summary>
/// Events are never lost: through an outage of the topic, a topic killed while it answers, and a <c>productflow</c> killed (SIGKILL)
/// between commit and send, every fact announced reaches the receiver with one id, however many times it is delivered.
/// </summary>
[NonParallelizable]
[CancelAfter(300_000)]
public class OutboxDeliveryTests
{
    private TempDirectory _dir = null!;
    private string? _database;

    private static string Demo => TestPaths.InRepository("pipelines", "demo.json");

    private string Data => _dir.Combine("data");

    [OneTimeSetUp]
    public async Task CreateDatabase() => _database = await PostgreSqlServer.CreateDatabaseAsync("events");

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
    public async Task An_outage_and_a_topic_killed_while_it_answers_lose_no_event_and_each_fact_keeps_one_id()
    {
        await using var receiver = await EventGridReceiver.StartAsync(mode: ReceiverMode.Refuse);
        var environment = Environment(receiver.Endpoint);

        var first = CliProcess.Run(_dir.Path, environment, "run", Demo, "--data", Data, "--json");

        Assert.That(first.ExitCode, Is.Zero, first.ToString());
        Assert.That(first.Stderr, Does.StartWith("productflow: 5 event(s) not sent, kept in the outbox: ").And.Contain("HTTP 503"));
        Assert.That((receiver.Requests.Count, receiver.Events.Count), Is.EqualTo((4, 0)), "the SDK's 3 retries, all refused");

        // The topic is back, takes the next batch, and dies before it answers: the run cannot know the batch arrived.
        receiver.Mode = ReceiverMode.Hold;
        using var second = Start(environment, "run", Demo, "--input", RenamedFeed(), "--data", Data, "--json");
        await receiver.Held.WaitAsync(TimeSpan.FromMinutes(2));
        await receiver.KillAsync();
        var secondResult = await second.FinishAsync();
        Assert.That(secondResult.ExitCode, Is.Zero, secondResult.ToString());
        Assert.That(secondResult.Stderr, Does.StartWith("productflow: ").And.Contain("event(s) not sent, kept in the outbox"));

        await using var back = await EventGridReceiver.StartAsync(receiver.Endpoint.Port);
        var sent = CliProcess.Run(_dir.Path, environment, "events", "send", "--data", Data);

        Assert.That(sent.ExitCode, Is.Zero, sent.ToString());
        var facts = Facts(first.Stdout).Concat(Facts(secondResult.Stdout)).ToList();
        Assert.That(facts, Has.Count.GreaterThan(6), "both runs published and ended");
        Assert.That(sent.Stdout.Trim(), Is.EqualTo($"{facts.Count} event(s) sent, 0 pending"));
        AssertOneIdPerFact([.. receiver.Events, .. back.Events], facts.Select(f => (f.Type, f.Subject)));
        Assert.That(back.Events.Select(Subject), Is.EqualTo(facts.Select(f => f.Subject)), "in the order they were written");
        Assert.That(receiver.Events.Select(Id).Intersect(back.Events.Select(Id)), Is.Not.Empty, "the batch the dead topic took came again, with the same ids");
    }

    [TestCase("events", "send")]
    [TestCase("run")]
    public async Task A_productflow_killed_between_commit_and_send_delivers_its_events_on_the_next_start(params string[] next)
    {
        await using var receiver = await EventGridReceiver.StartAsync(mode: ReceiverMode.Hold);
        var environment = Environment(receiver.Endpoint);
        using (var killed = Start(environment, "run", Demo, "--data", Data, "--json"))
        {
            // The run has committed (its events are in the outbox, being sent): kill it before the topic answers.
            await receiver.Held.WaitAsync(TimeSpan.FromMinutes(2));
            killed.Process.Kill(); // SIGKILL
            await killed.Process.WaitForExitAsync();
        }

        receiver.Mode = ReceiverMode.Accept;
        var held = receiver.Events.Count;
        var result = CliProcess.Run(_dir.Path, environment, next[0] == "run" ? ["run", Demo, "--data", Data, "--json"] : [.. next, "--data", Data]);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var runs = Runs();
        Assert.That(runs.Select(r => r.Status), Is.All.EqualTo("completed"));
        var facts = new[] { "web", "shopify", "google", "partner" }.Select(c => (EventTypes.ExportPublished, $"exports/{c}/v1"))
            .Concat(runs.AsEnumerable().Reverse().Select(r => (EventTypes.FeedAccepted, $"feeds/demo/{r.Id}"))).ToList();
        Assert.That(held, Is.EqualTo(5), "the killed run had sent its batch");
        var delivered = receiver.Events.Skip(held).ToList();
        Assert.That(delivered.Select(Subject), Is.EqualTo(facts.Select(f => f.Item2)), "every event of the killed run, then the next run's, in order");
        AssertOneIdPerFact([.. receiver.Events], facts);
    }

    [Test]
    public async Task A_run_on_postgresql_sends_its_events_from_the_postgresql_outbox()
    {
        await PostgreSqlServer.TruncateAsync(_database!);
        await using var receiver = await EventGridReceiver.StartAsync();
        var environment = new Dictionary<string, string?>(Environment(receiver.Endpoint)) { ["PRODUCTFLOW_STORE"] = _database };

        var result = CliProcess.Run(_dir.Path, environment, "run", Demo, "--data", Data, "--json");
        var list = CliProcess.Run(_dir.Path, environment, "events", "list", "--json", "--data", Data);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(receiver.Events.Select(Id), Is.EqualTo(Facts(result.Stdout).Select(f => f.Id)));
        Assert.That(File.Exists(_dir.Combine("data", "productflow.db")), Is.False, "the outbox is the PostgreSQL store's");
        using var json = JsonDocument.Parse(list.Stdout);
        Assert.That(json.RootElement.GetProperty("events").EnumerateArray().Select(e => (e.GetProperty("id").GetString(), e.GetProperty("state").GetString())),
            Is.EqualTo(Facts(result.Stdout).Select(f => ((string?)f.Id, (string?)"sent"))));
    }

    /// <summary>Each fact has exactly one distinct event id among everything received, and nothing else was received.</summary>
    private static void AssertOneIdPerFact(IReadOnlyList<JsonElement> received, IEnumerable<(string Type, string Subject)> facts)
    {
        var byFact = received.GroupBy(e => (Type: e.GetProperty("type").GetString()!, Subject: Subject(e))).ToDictionary(g => g.Key, g => g.Select(Id).Distinct().ToList());
        Assert.That(byFact.Keys, Is.EquivalentTo(facts.Select(f => (f.Type, f.Subject))), "every fact, and only those");
        Assert.That(byFact.Where(f => f.Value.Count != 1).Select(f => f.Key), Is.Empty, "one id per fact");
    }

    /// <summary>The facts a run's <c>--json</c> announces, in the order they happen: each version published, then the run's end.</summary>
    private static List<(string Type, string Subject, string Id)> Facts(string runJson)
    {
        using var json = JsonDocument.Parse(runJson);
        var root = json.RootElement;
        var runId = root.GetProperty("runId").GetString()!;
        return root.GetProperty("publications").EnumerateArray().Where(p => p.GetProperty("published").GetBoolean())
            .Select(p => (p.GetProperty("channel").GetString()!, p.GetProperty("version").GetInt32()))
            .Select(p => (EventTypes.ExportPublished, $"exports/{p.Item1}/v{p.Item2}", $"{p.Item1}:v{p.Item2}:published"))
            .Append((EventTypes.FeedAccepted, $"feeds/demo/{runId}", $"{runId}:accepted")).ToList();
    }

    private List<(string Id, string Status)> Runs()
    {
        using var json = JsonDocument.Parse(CliProcess.Run(_dir.Path, "runs", "list", "--json", "--data", Data).Stdout);
        return json.RootElement.GetProperty("runs").EnumerateArray().Select(r => (r.GetProperty("id").GetString()!, r.GetProperty("status").GetString()!)).ToList();
    }

    /// <summary>The demo feed with one product renamed: the next run publishes new versions.</summary>
    private string RenamedFeed() => _dir.File("renamed.csv", File.ReadAllText(TestPaths.InRepository("samples", "supplier-apparel.csv"))
        .Replace(",Classic Tee,", ",Classic T-Shirt,", StringComparison.Ordinal));

    private RunningCli Start(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _dir.Path, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(CliProcess.Cli);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        return new RunningCli(process, process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
    }

    private static string Id(JsonElement cloudEvent) => cloudEvent.GetProperty("id").GetString()!;

    private static string Subject(JsonElement cloudEvent) => cloudEvent.GetProperty("subject").GetString()!;

    private static Dictionary<string, string?> Environment(Uri endpoint) => new()
    {
        ["PRODUCTFLOW_EVENTGRID_ENDPOINT"] = endpoint.ToString(),
        ["PRODUCTFLOW_EVENTGRID_KEY"] = EventGridReceiver.Key,
        ["PRODUCTFLOW_STORE"] = null,
    };

    /// <summary>A <c>productflow</c> process the test may kill, its output read as it comes.</summary>
    private sealed record RunningCli(Process Process, Task<string> Stdout, Task<string> Stderr) : IDisposable
    {
        public async Task<CliResult> FinishAsync()
        {
            await Process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
            return new CliResult(Process.ExitCode, await Stdout, await Stderr);
        }

        public void Dispose()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
            }

            Process.Dispose();
        }
    }
}
