using System.Text.Json;
using ProductFlow.Events;
using ProductFlow.Store.Sqlite;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Cli;

/// <summary><c>events list</c> shows the outbox in the order written; <c>events send</c> needs an endpoint. Sending itself is tested against a receiver (integration tests).</summary>
[NonParallelizable]
public class EventsCommandsTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private TempDirectory _dir = null!;

    private string Data => _dir.Combine("data");

    [SetUp]
    public async Task StoreThreeEvents()
    {
        _dir = new TempDirectory();
        await using var store = SqliteProductStore.Open(Data);
        await store.AddEventsAsync(
        [
            new EventEnvelope("partner:v1:published", EventTypes.ExportPublished, "/productflow/channels/partner", "exports/partner/v1", At, """{"channel":"partner","version":1}"""u8.ToArray()),
            new EventEnvelope("run-1:accepted", EventTypes.FeedAccepted, "/productflow/pipelines/demo", "feeds/demo/run-1", At.AddSeconds(1), """{"runId":"run-1"}"""u8.ToArray()),
            new EventEnvelope("run-2:rejected", EventTypes.FeedRejected, "/productflow/pipelines/demo", "feeds/demo/run-2", At.AddSeconds(2), """{"runId":"run-2"}"""u8.ToArray()),
        ]);
        await store.MarkSentAsync(["partner:v1:published"], At.AddMinutes(1));
        await store.MarkFailedAsync(["run-1:accepted"], "HTTP 503 Service Unavailable", At.AddMinutes(2));
    }

    [TearDown]
    public void DeleteFolder() => _dir.Dispose();

    [Test]
    public void List_shows_every_event_in_the_order_written_with_its_state()
    {
        var result = Events("list");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[]
        {
            "     1  sent     ProductFlow.Export.Published  partner:v1:published  2026-03-01T12:00:00.000Z",
            "     2  pending  ProductFlow.Feed.Accepted     run-1:accepted  2026-03-01T12:00:01.000Z  1 failed attempt(s), next 2026-03-01T12:02:00.000Z: HTTP 503 Service Unavailable",
            "     3  pending  ProductFlow.Feed.Rejected     run-2:rejected  2026-03-01T12:00:02.000Z",
        }));
    }

    [Test]
    public void List_pending_json_gives_the_unsent_events_with_their_data()
    {
        var result = Events("list", "--pending", "--json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var events = json.RootElement.GetProperty("events").EnumerateArray().ToList();
        Assert.That(events.Select(e => (e.GetProperty("sequence").GetInt64(), e.GetProperty("id").GetString(), e.GetProperty("state").GetString())), Is.EqualTo(new[] { (2L, "run-1:accepted", "pending"), (3L, "run-2:rejected", "pending") }));
        var first = events[0];
        Assert.That((first.GetProperty("attempts").GetInt32(), first.GetProperty("nextAttempt").GetString(), first.GetProperty("lastError").GetString()), Is.EqualTo((1, "2026-03-01T12:02:00.000Z", "HTTP 503 Service Unavailable")));
        Assert.That(first.GetProperty("data").GetProperty("runId").GetString(), Is.EqualTo("run-1"));
        Assert.That((first.GetProperty("source").GetString(), first.GetProperty("subject").GetString(), first.GetProperty("time").GetString()), Is.EqualTo(("/productflow/pipelines/demo", "feeds/demo/run-1", "2026-03-01T12:00:01.000Z")));
    }

    [Test]
    public void Send_without_an_endpoint_is_a_usage_error_that_names_the_setting()
    {
        var result = Events("send");

        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.Stderr.Trim(), Is.EqualTo(
            "productflow: no event endpoint is configured: PRODUCTFLOW_EVENTGRID_ENDPOINT is not set (hint: set PRODUCTFLOW_EVENTGRID_ENDPOINT and PRODUCTFLOW_EVENTGRID_KEY to the Event Grid topic)"));
    }

    private CliResult Events(params string[] args) =>
        CliProcess.Run(_dir.Path, new Dictionary<string, string?> { ["PRODUCTFLOW_STORE"] = null, ["PRODUCTFLOW_EVENTGRID_ENDPOINT"] = null }, ["events", .. args, "--data", Data]);
}
