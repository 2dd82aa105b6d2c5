using ProductFlow.Catalog;
using ProductFlow.Events;
using ProductFlow.Pipelines;
using ProductFlow.Running;
using ProductFlow.Scheduling;
using ProductFlow.Store.Sqlite;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Events;

/// <summary>A schedule's publication writes each new version's event to the outbox of the store it publishes from; it sends nothing itself.</summary>
[NonParallelizable]
public class ScheduledPublicationEventTests
{
    private TempDirectory _dir = null!;

    private string Data => _dir.Combine("data");

    [SetUp]
    public void CreateFolder() => _dir = new TempDirectory();

    [TearDown]
    public void DeleteFolder() => _dir.Dispose();

    [Test]
    public async Task A_scheduled_publication_writes_each_new_versions_event_to_the_outbox()
    {
        // The demo pipeline with publication left to the schedule: the run stores, publishes nothing.
        var scheduled = _dir.File("scheduled.json", File.ReadAllText(TestPaths.InRepository("pipelines", "demo.json"))
            .Replace("\"../", "\"" + TestPaths.RepositoryRoot + "/", StringComparison.Ordinal)
            .Replace("\"publish\": \"onRun\"", "\"publish\": \"scheduled\"", StringComparison.Ordinal));
        var publisher = new RecordingEventPublisher();
        var services = RunServices.Embedded(Data) with { Events = publisher };
        var run = await new PipelineRunner(services).RunAsync(PipelineLoader.Load(scheduled), RunRequest.For(PipelineLoader.Load(scheduled)));
        var schedule = new Schedule("channel:partner", ScheduleKind.Channel, scheduled, ["partner"], CronSchedule.TryParse(new ScheduleOptions { Cron = "0 2 * * *" }, out _)!);

        var results = await ScheduledPublication.RunAsync(schedule, services);
        var again = await ScheduledPublication.RunAsync(schedule, services);

        Assert.That((results.Single().Published, again.Single().Published), Is.EqualTo((true, false)));
        await using var store = SqliteProductStore.Open(Data);
        var outbox = await store.ReadEventsAsync(pendingOnly: true, 100).Select(e => e.Event.Id).ToListAsync();
        Assert.That(outbox, Is.EqualTo(new[] { run.Run.Id + ":accepted", "partner:v1:published" }));
        Assert.That(publisher.Batches, Is.Empty, "an OutboxSender sends them");
    }
}
