using ProductFlow.Publishing;
using ProductFlow.Store;

namespace ProductFlow.Tests.Publishing;

/// <summary>A version's <c>dataAsOf</c>: when the newest data behind it was stored, the base of the channel's publication lag.</summary>
public partial class ChannelPublisherTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 6, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task A_version_records_the_start_of_the_latest_completed_run_that_changed_the_store()
    {
        await StoreAsync(("A", "Alpha", "1"));
        await SaveRunAsync("changed", Monday, RunStatus.Completed, changed: 1);
        await SaveRunAsync("unchanged", Monday.AddHours(1), RunStatus.Completed, changed: 0);
        await SaveRunAsync("failed", Monday.AddHours(2), RunStatus.Failed, changed: 0);

        await _publisher.PublishAsync(_store, Partner, _catalog);

        Assert.That(ReadManifest(1).DataAsOf, Is.EqualTo(Monday));
        Assert.That(File.ReadAllText(Path.Combine(Exports, "partner", "v1", "manifest.json")), Does.Contain("\"dataAsOf\": \"2026-03-02T06:00:00.000Z\""));
    }

    [Test]
    public async Task A_run_publishing_what_it_just_committed_gives_its_own_start_as_the_newest_data()
    {
        await StoreAsync(("A", "Alpha", "1"));
        await SaveRunAsync("earlier", Monday, RunStatus.Completed, changed: 1);

        await _publisher.PublishAsync(_store, Partner, _catalog, new PublishRequest { DataAsOf = Monday.AddDays(1) });

        Assert.That(ReadManifest(1).DataAsOf, Is.EqualTo(Monday.AddDays(1)));
    }

    [Test]
    public async Task A_store_where_no_finished_run_changed_anything_gives_a_version_without_a_data_time()
    {
        await StoreAsync(("A", "Alpha", "1"));

        await _publisher.PublishAsync(_store, Partner, _catalog);

        Assert.That(ReadManifest(1).DataAsOf, Is.Null);
        Assert.That(File.ReadAllText(Path.Combine(Exports, "partner", "v1", "manifest.json")), Does.Not.Contain("dataAsOf"));
    }

    private Task SaveRunAsync(string id, DateTimeOffset started, RunStatus status, long changed) =>
        _store.SaveRunAsync(new RunRecord
        {
            Id = id, Pipeline = "test", Feed = new FeedInfo("feed.csv", 1, "00"), Started = started, Finished = started.AddMinutes(1), Status = status,
            Counts = new RunCounts { Changed = changed },
        });
}
