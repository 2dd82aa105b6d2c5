using System.Text.Json;
using ProductFlow.Azure.Events;
using ProductFlow.Catalog;
using ProductFlow.Events;
using ProductFlow.Publishing;
using ProductFlow.Tests.Support;

namespace ProductFlow.IntegrationTests.Events;

/// <summary>Events through the outbox and the real Event Grid SDK to a Kestrel receiver: what <c>productflow run</c> sends, and how a refusal is reported.</summary>
[NonParallelizable]
[CancelAfter(240_000)]
public class EventGridEventsTests
{
    private static readonly string[] DemoChannels = ["web", "shopify", "google", "partner"];

    private TempDirectory _dir = null!;

    private static string Demo => TestPaths.InRepository("pipelines", "demo.json");

    [SetUp]
    public void CreateFolder() => _dir = new TempDirectory();

    [TearDown]
    public void DeleteFolder() => _dir.Dispose();

    [Test]
    public async Task A_run_sends_a_published_event_per_channel_and_feed_accepted_and_a_second_run_only_feed_accepted()
    {
        await using var receiver = await EventGridReceiver.StartAsync();
        var environment = Environment(receiver.Endpoint, EventGridReceiver.Key);

        var first = CliProcess.Run(_dir.Path, environment, "run", Demo, "--data", _dir.Combine("data"), "--json");

        Assert.That(first.ExitCode, Is.Zero, first.ToString());
        Assert.That(receiver.Requests, Is.Not.Empty);
        Assert.That(receiver.Requests.Select(r => (r.Key, r.ContentType.Split(';')[0])), Is.All.EqualTo((EventGridReceiver.Key, "application/cloudevents-batch+json")));
        var events = receiver.Events.ToList();
        Assert.That(events.Select(Type), Is.EqualTo(Enumerable.Repeat(EventTypes.ExportPublished, 4).Append(EventTypes.FeedAccepted)));
        using var output = JsonDocument.Parse(first.Stdout);
        var runId = output.RootElement.GetProperty("runId").GetString()!;
        foreach (var (published, channel) in events.Take(4).Zip(DemoChannels))
        {
            AssertEnvelope(published, $"{channel}:v1:published", $"/productflow/channels/{channel}", $"exports/{channel}/v1");
            var data = published.GetProperty("data");
            Assert.That((data.GetProperty("channel").GetString(), data.GetProperty("version").GetInt32(), data.GetProperty("runId").GetString()), Is.EqualTo((channel, 1, runId)));
            Assert.That(data.GetProperty("previous").ValueKind, Is.EqualTo(JsonValueKind.Null));
            var file = data.GetProperty("file").GetString()!;
            Assert.That(file, Is.EqualTo(PublishedExports.Current(_dir.Combine("data"), channel, Path.GetFileName(file))));
            Assert.That(data.GetProperty("sha256").GetString(), Is.EqualTo(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file)))));
            Assert.That(data.GetProperty("added").GetInt64(), Is.EqualTo(data.GetProperty("records").GetInt64()).And.GreaterThan(0));
        }

        var accepted = events[4];
        AssertEnvelope(accepted, $"{runId}:accepted", "/productflow/pipelines/demo", $"feeds/demo/{runId}");
        Assert.That(accepted.GetProperty("data").GetProperty("counts").GetProperty("changed").GetInt64(), Is.EqualTo(354));
        Assert.That(accepted.GetProperty("data").GetProperty("report").GetString(), Is.EqualTo(output.RootElement.GetProperty("outputs").GetProperty("report").GetString()));
        Assert.That(receiver.Requests, Has.Count.EqualTo(1), "one batch");

        var second = CliProcess.Run(_dir.Path, environment, "run", Demo, "--data", _dir.Combine("data"), "--json");

        Assert.That(second.ExitCode, Is.Zero, second.ToString());
        var again = receiver.Events.Skip(5).ToList();
        Assert.That(again.Select(Type), Is.EqualTo(new[] { EventTypes.FeedAccepted }), "nothing changed: no new version, no Export.Published");
        using var secondOutput = JsonDocument.Parse(second.Stdout);
        Assert.That(again[0].GetProperty("subject").GetString(), Is.EqualTo($"feeds/demo/{secondOutput.RootElement.GetProperty("runId").GetString()}"));
    }

    [Test]
    public async Task A_refused_key_leaves_the_run_completed_and_published_and_its_events_pending_in_one_line()
    {
        await using var receiver = await EventGridReceiver.StartAsync();
        var data = _dir.Combine("data");

        var result = CliProcess.Run(_dir.Path, Environment(receiver.Endpoint, "wrong-key"), "run", Demo, "--data", data, "--json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(receiver.Events, Is.Empty);
        Assert.That(receiver.Requests.Select(r => r.Key), Is.All.EqualTo("wrong-key"));
        using var output = JsonDocument.Parse(result.Stdout);
        Assert.That(output.RootElement.GetProperty("status").GetString(), Is.EqualTo("completed"));
        var publications = output.RootElement.GetProperty("publications").EnumerateArray().ToList();
        Assert.That(publications.Select(p => p.GetProperty("published").GetBoolean()), Is.EqualTo(new[] { true, true, true, true }));
        Assert.That(PublishedExports.CurrentVersion(data, "partner"), Is.EqualTo(1));
        Assert.That(result.Stderr.Trim().Split('\n'), Has.Length.EqualTo(1), result.Stderr);
        Assert.That(result.Stderr, Does.StartWith("productflow: 5 event(s) not sent, kept in the outbox: ").And.Contain("HTTP 401").And.EndWith("(hint: 'productflow events send' sends them)\n"));
        Assert.That(result.Stderr, Does.Not.Contain("wrong-key"));
        var pending = CliProcess.Run(_dir.Path, "events", "list", "--pending", "--json", "--data", data);
        using var list = JsonDocument.Parse(pending.Stdout);
        Assert.That(list.RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("attempts").GetInt32()), Is.EqualTo(new[] { 1, 1, 1, 1, 1 }));
    }

    [Test]
    public async Task Publish_sends_a_published_event_only_for_a_channel_that_changed()
    {
        await using var receiver = await EventGridReceiver.StartAsync();
        var data = _dir.Combine("data");
        // The demo pipeline with publication left to the schedule: the run stores, publishes nothing.
        var scheduled = _dir.File("scheduled.json", File.ReadAllText(Demo)
            .Replace("\"../", "\"" + TestPaths.RepositoryRoot + "/", StringComparison.Ordinal)
            .Replace("\"publish\": \"onRun\"", "\"publish\": \"scheduled\"", StringComparison.Ordinal));
        var stored = CliProcess.Run(_dir.Path, Environment(receiver.Endpoint, EventGridReceiver.Key), "run", scheduled, "--data", data, "--json");
        Assert.That(stored.ExitCode, Is.Zero, stored.ToString());
        using var run = JsonDocument.Parse(stored.Stdout);
        var catalog = TestPaths.InRepository("schemas", "catalog.json");

        var partner = CliProcess.Run(_dir.Path, Environment(receiver.Endpoint, EventGridReceiver.Key), "publish", "partner", "--data", data, "--catalog", catalog);
        var all = CliProcess.Run(_dir.Path, Environment(receiver.Endpoint, EventGridReceiver.Key), "publish", "--all", "--data", data, "--catalog", catalog);

        Assert.That(partner.ExitCode, Is.Zero, partner.ToString());
        Assert.That(all.ExitCode, Is.Zero, all.ToString());
        var events = receiver.Events.ToList();
        Assert.That(
            events.Select(e => e.GetProperty("id").GetString()),
            Is.EqualTo(new[] { run.RootElement.GetProperty("runId").GetString() + ":accepted", "partner:v1:published", "web:v1:published", "shopify:v1:published", "google:v1:published" }),
            "the run's end; partner alone; the other channels, partner unchanged");
        Assert.That(events[1].GetProperty("data").GetProperty("runId").GetString(), Is.EqualTo("publish"));
        Assert.That(events[1].GetProperty("data").GetProperty("file").GetString(), Does.StartWith(Path.Combine(data, "exports", "partner", "v1")));
    }

    [Test]
    public async Task Turning_events_on_announces_each_channels_current_version_once()
    {
        await using var receiver = await EventGridReceiver.StartAsync();
        var data = _dir.Combine("data");
        var stored = CliProcess.Run(_dir.Path, "run", Demo, "--data", data);
        Assert.That(stored.ExitCode, Is.Zero, stored.ToString());

        var first = CliProcess.Run(_dir.Path, Environment(receiver.Endpoint, EventGridReceiver.Key), "events", "send", "--data", data);
        var second = CliProcess.Run(_dir.Path, Environment(receiver.Endpoint, EventGridReceiver.Key), "events", "send", "--data", data);

        Assert.That((first.ExitCode, first.Stdout.Trim()), Is.EqualTo((0, "4 event(s) sent, 0 pending")), first.ToString());
        Assert.That((second.ExitCode, second.Stdout.Trim()), Is.EqualTo((0, "0 event(s) sent, 0 pending")), second.ToString());
        Assert.That(receiver.Events.Select(e => e.GetProperty("id").GetString()), Is.EquivalentTo(DemoChannels.Select(c => $"{c}:v1:published")));
    }

    [Test]
    public async Task An_endpoint_nobody_listens_on_is_an_event_delivery_exception_naming_the_event()
    {
        int port;
        await using (var receiver = await EventGridReceiver.StartAsync())
        {
            port = receiver.Endpoint.Port;
        }

        var publisher = new EventGridEventPublisher(new EventGridOptions { Endpoint = new Uri($"http://127.0.0.1:{port}/api/events"), Key = "k", MaxRetries = 1, RetryDelay = TimeSpan.FromMilliseconds(10) });
        var manifest = new Publishing.ExportManifest
        {
            Channel = "partner", Version = 3, CreatedAt = DateTimeOffset.UtcNow, RunId = "publish", Mode = ProductFlow.Catalog.ExportMode.Full,
            File = "partner.csv", Rows = 1, Bytes = 10, Sha256 = new string('0', 64), Definition = "d",
        };

        var e = await Assert.ThrowsAsync<EventDeliveryException>(() => publisher.PublishAsync([new ExportPublishedEvent(manifest, 2, "partner/v3/partner.csv", "partner/v3/manifest.json").ToEnvelope()]));

        Assert.That(e!.Message, Does.Contain($"127.0.0.1:{port}").And.Contain(EventTypes.ExportPublished).And.Contain("exports/partner/v3"));
    }

    private static string? Type(JsonElement cloudEvent) => cloudEvent.GetProperty("type").GetString();

    private static void AssertEnvelope(JsonElement cloudEvent, string id, string source, string subject)
    {
        Assert.That(cloudEvent.GetProperty("specversion").GetString(), Is.EqualTo("1.0"));
        Assert.That((cloudEvent.GetProperty("id").GetString(), cloudEvent.GetProperty("source").GetString(), cloudEvent.GetProperty("subject").GetString()), Is.EqualTo((id, source, subject)));
        Assert.That(cloudEvent.GetProperty("datacontenttype").GetString(), Is.EqualTo("application/json"));
        Assert.That(DateTimeOffset.UtcNow - cloudEvent.GetProperty("time").GetDateTimeOffset(), Is.LessThan(TimeSpan.FromMinutes(5)));
        Assert.That(cloudEvent.GetProperty("data").ValueKind, Is.EqualTo(JsonValueKind.Object), "data is JSON, not data_base64");
    }

    private static Dictionary<string, string?> Environment(Uri endpoint, string key) => new()
    {
        ["PRODUCTFLOW_EVENTGRID_ENDPOINT"] = endpoint.ToString(),
        ["PRODUCTFLOW_EVENTGRID_KEY"] = key,
    };
}
