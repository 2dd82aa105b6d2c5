using System.Text.Json;
using ProductFlow.Events;
using ProductFlow.Pipelines;
using ProductFlow.Running;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Events;

/// <summary>A run's events: one <c>Export.Published</c> per new version, then <c>Feed.Accepted</c> or <c>Feed.Rejected</c> after the report.</summary>
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
    public async Task A_completed_run_raises_a_published_event_per_channel_then_feed_accepted_after_its_report()
    {
        var reportWhenSent = false;
        var events = new RecordingEventPublisher
        {
            OnSend = e => reportWhenSent = e is FeedProcessedEvent feed && File.Exists(Path.Combine(feed.Report.Folder, "report.json")),
        };

        var report = await Runs.RunAsync(Demo, Data, events: events);

        Assert.That(events.Types, Is.EqualTo(Enumerable.Repeat(EventTypes.ExportPublished, 4).Append(EventTypes.FeedAccepted)));
        Assert.That(events.Events.Take(4).Select(e => e.Subject), Is.EqualTo(DemoChannels.Select(c => $"exports/{c}/v1")));
        Assert.That(reportWhenSent, Is.True, "the feed event follows report.json");
        var accepted = events.Events[4];
        Assert.That((accepted.Source, accepted.Subject), Is.EqualTo(("/productflow/pipelines/demo", $"feeds/demo/{report.Run.Id}")));
        using var data = JsonDocument.Parse(accepted.DataJson());
        var root = data.RootElement;
        Assert.That((root.GetProperty("runId").GetString(), root.GetProperty("pipeline").GetString(), root.GetProperty("status").GetString()), Is.EqualTo((report.Run.Id, "demo", "completed")));
        Assert.That(root.GetProperty("feed").GetProperty("sha256").GetString(), Is.EqualTo(report.Run.Feed.Sha256).And.Length.EqualTo(64));
        Assert.That(root.GetProperty("counts").GetProperty("read").GetInt64(), Is.EqualTo(report.Run.Counts.Read).And.GreaterThan(0));
        Assert.That(root.GetProperty("counts").GetProperty("rejected").GetInt64(), Is.EqualTo(report.Run.Counts.Rejected));
        Assert.That(root.GetProperty("report").GetString(), Is.EqualTo(report.Folder));
        Assert.That(root.TryGetProperty("failure", out _), Is.False);
        using var published = JsonDocument.Parse(events.Events[3].DataJson());
        Assert.That(published.RootElement.GetProperty("runId").GetString(), Is.EqualTo(report.Run.Id));
    }

    [Test]
    public async Task A_second_run_of_the_same_feed_raises_only_feed_accepted()
    {
        await Runs.RunAsync(Demo, Data);
        var events = new RecordingEventPublisher();

        var report = await Runs.RunAsync(Demo, Data, events: events);

        Assert.That(report.Publications.Select(p => p.Published), Is.All.False);
        Assert.That(events.Types, Is.EqualTo(new[] { EventTypes.FeedAccepted }));
    }

    [Test]
    public async Task A_feed_that_cannot_be_read_raises_feed_rejected_with_the_failure_and_nothing_published()
    {
        var events = new RecordingEventPublisher();
        var feed = _dir.File("broken.csv", "sku,name\n\"unterminated,x\n");

        var report = await Runs.RunAsync(Demo, Data, input: feed, events: events);

        Assert.That(report.Run.Status, Is.EqualTo(ProductFlow.Store.RunStatus.Failed));
        Assert.That(events.Types, Is.EqualTo(new[] { EventTypes.FeedRejected }));
        using var data = JsonDocument.Parse(events.Events[0].DataJson());
        Assert.That(data.RootElement.GetProperty("status").GetString(), Is.EqualTo("failed"));
        Assert.That(data.RootElement.GetProperty("failure").GetProperty("message").GetString(), Is.EqualTo(report.Failure!.Message));
        Assert.That(data.RootElement.GetProperty("feed").GetProperty("name").GetString(), Is.EqualTo("broken.csv"));
    }

    [Test]
    public async Task Validate_raises_no_event()
    {
        var events = new RecordingEventPublisher();

        await Runs.RunAsync(Demo, Data, input: TestPaths.InRepository("samples", "supplier-apparel.csv"), mode: RunMode.Validate, events: events);

        Assert.That(events.Events, Is.Empty);
    }

    [Test]
    public async Task Undelivered_events_leave_the_run_completed_and_published_and_are_reported()
    {
        var events = new RecordingEventPublisher { Refuse = "no route to topic" };

        var report = await Runs.RunAsync(Demo, Data, events: events);

        Assert.That(report.Run.Status, Is.EqualTo(ProductFlow.Store.RunStatus.Completed));
        Assert.That(report.Publications.Select(p => (p.Published, p.EventError)), Is.All.EqualTo((true, "no route to topic")));
        Assert.That(report.EventError, Is.EqualTo("no route to topic"));
        Assert.That(PublishedExports.CurrentVersion(Data, "partner"), Is.EqualTo(1));
    }
}
