using System.Text.Json;
using ProductFlow.Azure.Events;
using ProductFlow.Events;
using ProductFlow.Tests.Support;

namespace ProductFlow.IntegrationTests.Events;

/// <summary>Events through the real Event Grid SDK to a Kestrel receiver: what <c>productflow run</c> sends, and how a refusal is reported.</summary>
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
            AssertEnvelope(published, $"/productflow/channels/{channel}", $"exports/{channel}/v1");
            var data = published.GetProperty("data");
            Assert.That((data.GetProperty("channel").GetString(), data.GetProperty("version").GetInt32(), data.GetProperty("runId").GetString()), Is.EqualTo((channel, 1, runId)));
            Assert.That(data.GetProperty("previous").ValueKind, Is.EqualTo(JsonValueKind.Null));
            var file = data.GetProperty("file").GetString()!;
            Assert.That(file, Is.EqualTo(PublishedExports.Current(_dir.Combine("data"), channel, Path.GetFileName(file))));
            Assert.That(data.GetProperty("sha256").GetString(), Is.EqualTo(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file)))));
            Assert.That(data.GetProperty("added").GetInt64(), Is.EqualTo(data.GetProperty("records").GetInt64()).And.GreaterThan(0));
        }

        var accepted = events[4];
        AssertEnvelope(accepted, "/productflow/pipelines/demo", $"feeds/demo/{runId}");
        Assert.That(accepted.GetProperty("data").GetProperty("counts").GetProperty("changed").GetInt64(), Is.EqualTo(354));
        Assert.That(accepted.GetProperty("data").GetProperty("report").GetString(), Is.EqualTo(output.RootElement.GetProperty("outputs").GetProperty("report").GetString()));
        Assert.That(events.Select(e => e.GetProperty("id").GetString()).Distinct().Count(), Is.EqualTo(5), "every event has its own id");

        var second = CliProcess.Run(_dir.Path, environment, "run", Demo, "--data", _dir.Combine("data"), "--json");

        Assert.That(second.ExitCode, Is.Zero, second.ToString());
        var again = receiver.Events.Skip(5).ToList();
        Assert.That(again.Select(Type), Is.EqualTo(new[] { EventTypes.FeedAccepted }), "nothing changed: no new version, no Export.Published");
        using var secondOutput = JsonDocument.Parse(second.Stdout);
        Assert.That(again[0].GetProperty("subject").GetString(), Is.EqualTo($"feeds/demo/{secondOutput.RootElement.GetProperty("runId").GetString()}"));
    }

    [Test]
    public async Task A_refused_key_leaves_the_run_completed_and_published_and_reports_every_undelivered_event()
    {
        await using var receiver = await EventGridReceiver.StartAsync();

        var result = CliProcess.Run(_dir.Path, Environment(receiver.Endpoint, "wrong-key"), "run", Demo, "--data", _dir.Combine("data"), "--json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(receiver.Events, Is.Empty);
        Assert.That(receiver.Requests.Select(r => r.Key), Is.All.EqualTo("wrong-key"));
        using var output = JsonDocument.Parse(result.Stdout);
        Assert.That(output.RootElement.GetProperty("status").GetString(), Is.EqualTo("completed"));
        var publications = output.RootElement.GetProperty("publications").EnumerateArray().ToList();
        Assert.That(publications.Select(p => p.GetProperty("published").GetBoolean()), Is.EqualTo(new[] { true, true, true, true }));
        Assert.That(publications.Select(p => p.GetProperty("eventError").GetString()), Is.All.Contain("HTTP 401"));
        Assert.That(output.RootElement.GetProperty("eventError").GetString(), Does.Contain("HTTP 401").And.Contain(EventTypes.FeedAccepted));
        Assert.That(PublishedExports.CurrentVersion(_dir.Combine("data"), "partner"), Is.EqualTo(1));
        Assert.That(result.Stderr.Split('\n').Count(l => l.Contains("WRN", StringComparison.Ordinal) && l.Contains("not delivered", StringComparison.Ordinal)), Is.EqualTo(5), result.Stderr);
        Assert.That(result.Stderr, Does.Not.Contain("wrong-key"));
    }

    [Test]
    public async Task Publish_sends_a_published_event_only_for_a_channel_that_changed()
    {
        await using var receiver = await EventGridReceiver.StartAsync();
        var data = _dir.Combine("data");
        var stored = CliProcess.Run(_dir.Path, "run", Demo, "--data", data);
        Assert.That(stored.ExitCode, Is.Zero, stored.ToString());
        var catalog = TestPaths.InRepository("schemas", "catalog.json");

        var unchanged = CliProcess.Run(_dir.Path, Environment(receiver.Endpoint, EventGridReceiver.Key), "publish", "--all", "--data", data, "--catalog", catalog);
        var elsewhere = CliProcess.Run(_dir.Path, Environment(receiver.Endpoint, EventGridReceiver.Key), "publish", "partner", "--data", data, "--catalog", catalog, "--exports", _dir.Combine("elsewhere"));

        Assert.That(unchanged.ExitCode, Is.Zero, unchanged.ToString());
        Assert.That(elsewhere.ExitCode, Is.Zero, elsewhere.ToString());
        var events = receiver.Events.ToList();
        Assert.That(events.Select(e => (Type(e), e.GetProperty("subject").GetString())), Is.EqualTo(new[] { (EventTypes.ExportPublished, "exports/partner/v1") }));
        Assert.That(events[0].GetProperty("data").GetProperty("runId").GetString(), Is.EqualTo("publish"));
        Assert.That(events[0].GetProperty("data").GetProperty("file").GetString(), Does.StartWith(_dir.Combine("elsewhere")));
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
            Channel = "partner", Version = 3, CreatedAt = DateTimeOffset.UtcNow, RunId = "publish", Mode = ProductFlow.Channels.ExportMode.Full,
            File = "partner.csv", Rows = 1, Bytes = 10, Sha256 = new string('0', 64), Definition = "d",
        };

        var e = await Assert.ThrowsAsync<EventDeliveryException>(() => publisher.PublishAsync(new ExportPublishedEvent(manifest, 2, "partner/v3/partner.csv", "partner/v3/manifest.json")));

        Assert.That(e!.Message, Does.Contain($"127.0.0.1:{port}").And.Contain(EventTypes.ExportPublished).And.Contain("exports/partner/v3"));
    }

    private static string? Type(JsonElement cloudEvent) => cloudEvent.GetProperty("type").GetString();

    private static void AssertEnvelope(JsonElement cloudEvent, string source, string subject)
    {
        Assert.That(cloudEvent.GetProperty("specversion").GetString(), Is.EqualTo("1.0"));
        Assert.That((cloudEvent.GetProperty("source").GetString(), cloudEvent.GetProperty("subject").GetString()), Is.EqualTo((source, subject)));
        Assert.That(cloudEvent.GetProperty("datacontenttype").GetString(), Is.EqualTo("application/json"));
        Assert.That(Guid.TryParse(cloudEvent.GetProperty("id").GetString(), out _), Is.True);
        Assert.That(DateTimeOffset.UtcNow - cloudEvent.GetProperty("time").GetDateTimeOffset(), Is.LessThan(TimeSpan.FromMinutes(5)));
        Assert.That(cloudEvent.GetProperty("data").ValueKind, Is.EqualTo(JsonValueKind.Object), "data is JSON, not data_base64");
    }

    private static Dictionary<string, string?> Environment(Uri endpoint, string key) => new()
    {
        ["PRODUCTFLOW_EVENTGRID_ENDPOINT"] = endpoint.ToString(),
        ["PRODUCTFLOW_EVENTGRID_KEY"] = key,
    };
}
