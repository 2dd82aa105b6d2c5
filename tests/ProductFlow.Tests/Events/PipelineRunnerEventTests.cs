using System.Text.Json;
using ProductFlow.Events;
using ProductFlow.Pipelines;
using ProductFlow.Running;
using ProductFlow.Store;
using ProductFlow.Store.Sqlite;
using ProductFlow.Tests.Store;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Events;

/// <summary>A run's events, in the outbox: one <c>Export.Published</c> per new version, then <c>Feed.Accepted</c> or <c>Feed.Rejected</c> with the run's end.</summary>
[NonParallelizable]
public class PipelineRunnerEventTests
{
    private static readonly string[] DemoChannels = ["web", "shopify", "google", "partner"];

    private TempDirectory _dir = null!;

    private static LoadedPipeline Demo => PipelineLoader.Load(TestPaths.InRepository("pipelines", "demo.json"));

    private string Data => _dir.Combine("data");

    [SetUp]
    public void CreateFolder() => _dir = new TempDirectory();

    [TearDown]
    public void DeleteFolder() => _dir.Dispose();

    [Test]
    public async Task A_completed_run_writes_a_published_event_per_channel_then_feed_accepted_with_its_end_after_its_report()
    {
        var reportWhenSaved = false;
        var services = RunServices.Embedded(Data) with
        {
            Events = new RecordingEventPublisher(),
            OpenStore = _ => Task.FromResult<IProductStore>(new RunEndStore(SqliteProductStore.Open(Data), (run, events) =>
            {
                if (events is { Count: > 0 })
                {
                    reportWhenSaved = run.Status == RunStatus.Completed && File.Exists(Path.Combine(run.Report!, "report.json"));
                }
            })),
        };

        var report = await new PipelineRunner(services).RunAsync(Demo, RunRequest.For(Demo));

        var events = await OutboxAsync();
        Assert.That(events.Select(e => e.Type), Is.EqualTo(Enumerable.Repeat(EventTypes.ExportPublished, 4).Append(EventTypes.FeedAccepted)));
        Assert.That(events.Take(4).Select(e => (e.Id, e.Subject)), Is.EqualTo(DemoChannels.Select(c => ($"{c}:v1:published", $"exports/{c}/v1"))));
        Assert.That(reportWhenSaved, Is.True, "the feed event is saved with the run's end, after report.json");
        var accepted = events[4];
        Assert.That((accepted.Id, accepted.Source, accepted.Subject), Is.EqualTo(($"{report.Run.Id}:accepted", "/productflow/pipelines/demo", $"feeds/demo/{report.Run.Id}")));
        Assert.That(accepted.Time, Is.EqualTo(report.Run.Finished).Within(TimeSpan.FromMilliseconds(1)));
        using var data = JsonDocument.Parse(accepted.Data);
        var root = data.RootElement;
        Assert.That((root.GetProperty("runId").GetString(), root.GetProperty("pipeline").GetString(), root.GetProperty("status").GetString()), Is.EqualTo((report.Run.Id, "demo", "completed")));
        Assert.That(root.GetProperty("feed").GetProperty("sha256").GetString(), Is.EqualTo(report.Run.Feed.Sha256).And.Length.EqualTo(64));
        Assert.That(root.GetProperty("counts").GetProperty("read").GetInt64(), Is.EqualTo(report.Run.Counts.Read).And.GreaterThan(0));
        Assert.That(root.GetProperty("counts").GetProperty("rejected").GetInt64(), Is.EqualTo(report.Run.Counts.Rejected));
        Assert.That(root.GetProperty("report").GetString(), Is.EqualTo(report.Folder));
        Assert.That(root.TryGetProperty("failure", out _), Is.False);
        using var published = JsonDocument.Parse(events[3].Data);
        Assert.That(published.RootElement.GetProperty("runId").GetString(), Is.EqualTo(report.Run.Id));
    }

    [Test]
    public async Task A_second_run_of_the_same_feed_writes_only_feed_accepted()
    {
        var first = await Runs.RunAsync(Demo, Data, events: new RecordingEventPublisher());

        var second = await Runs.RunAsync(Demo, Data, events: new RecordingEventPublisher());

        Assert.That(second.Publications.Select(p => p.Published), Is.All.False);
        Assert.That((await OutboxAsync()).Skip(4).Select(e => e.Id), Is.EqualTo(new[] { $"{first.Run.Id}:accepted", $"{second.Run.Id}:accepted" }));
    }

    [Test]
    public async Task A_feed_that_cannot_be_read_writes_feed_rejected_with_the_failure_and_nothing_published()
    {
        var feed = _dir.File("broken.csv", "sku,name\n\"unterminated,x\n");

        var report = await Runs.RunAsync(Demo, Data, input: feed, events: new RecordingEventPublisher());

        Assert.That(report.Run.Status, Is.EqualTo(RunStatus.Failed));
        var events = await OutboxAsync();
        Assert.That(events.Select(e => (e.Id, e.Type)), Is.EqualTo(new[] { ($"{report.Run.Id}:rejected", EventTypes.FeedRejected) }));
        using var data = JsonDocument.Parse(events[0].Data);
        Assert.That(data.RootElement.GetProperty("status").GetString(), Is.EqualTo("failed"));
        Assert.That(data.RootElement.GetProperty("failure").GetProperty("message").GetString(), Is.EqualTo(report.Failure!.Message));
        Assert.That(data.RootElement.GetProperty("feed").GetProperty("name").GetString(), Is.EqualTo("broken.csv"));
    }

    [Test]
    public async Task A_run_without_events_writes_no_outbox_row()
    {
        var report = await Runs.RunAsync(Demo, Data);

        Assert.That(report.Publications.Select(p => p.Published), Is.All.True);
        Assert.That(await OutboxAsync(), Is.Empty);
    }

    [Test]
    public async Task Validate_writes_no_event()
    {
        var events = new RecordingEventPublisher();

        await Runs.RunAsync(Demo, Data, input: TestPaths.InRepository("samples", "supplier-apparel.csv"), mode: RunMode.Validate, events: events);


        Assert.That(await OutboxAsync(), Is.Empty);
        Assert.That(events.Batches, Is.Empty, "the runner never sends");
    }

    private async Task<List<EventEnvelope>> OutboxAsync()
    {
        await using var store = SqliteProductStore.Open(Data);
        return await store.ReadEventsAsync(pendingOnly: false, 100).Select(e => e.Event).ToListAsync();
    }

    /// <summary>A store that looks at each run record saved, with the events saved with it.</summary>
    private sealed class RunEndStore(IProductStore inner, Action<RunRecord, IReadOnlyList<EventEnvelope>?> onSave) : ProductStoreDecorator(inner, closesInner: true)
    {
        public override Task SaveRunAsync(RunRecord run, IReadOnlyList<EventEnvelope>? events = null, CancellationToken cancellationToken = default)
        {
            onSave(run, events);
            return base.SaveRunAsync(run, events, cancellationToken);
        }
    }
}
