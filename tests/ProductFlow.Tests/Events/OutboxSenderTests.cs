using ProductFlow.Events;
using ProductFlow.Store.Sqlite;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Events;

/// <summary>The outbox's pending events go out in the order written, in batches; a refused batch is held back with a growing delay, and nothing overtakes it.</summary>
public class OutboxSenderTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private TempDirectory _dir = null!;
    private SqliteProductStore _store = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = new TempDirectory();
        _store = SqliteProductStore.Open(_dir.Path);
    }

    [TearDown]
    public async Task TearDown()
    {
        await _store.DisposeAsync();
        _dir.Dispose();
    }

    [Test]
    public async Task Pending_events_go_out_in_write_order_in_batches_and_are_marked_sent()
    {
        await AddAsync("e1", "e2", "e3", "e4", "e5");
        var publisher = new RecordingEventPublisher();

        var result = await new OutboxSender(new OutboxSenderOptions { BatchSize = 2 }).SendPendingAsync(_store, publisher, Now);

        Assert.That(result, Is.EqualTo(new OutboxSendResult(5, 0, null, null)));
        Assert.That(publisher.Batches.Select(b => string.Join(",", b.Select(e => e.Id))), Is.EqualTo(new[] { "e1,e2", "e3,e4", "e5" }));
        var entries = await EntriesAsync();
        Assert.That(entries.Select(e => e.Sent), Is.All.EqualTo(Now));
        Assert.That(await new OutboxSender().SendPendingAsync(_store, publisher, Now), Is.EqualTo(new OutboxSendResult(0, 0, null, null)), "nothing is sent twice");
    }

    [Test]
    public async Task A_refused_batch_stops_the_sending_and_its_events_are_counted_and_held_back()
    {
        await AddAsync("e1", "e2", "e3", "e4", "e5");
        var publisher = new RecordingEventPublisher { Refuse = batch => batch[0].Id == "e3" ? "HTTP 503" : null };

        var result = await new OutboxSender(new OutboxSenderOptions { BatchSize = 2 }).SendPendingAsync(_store, publisher, Now);

        Assert.That(result, Is.EqualTo(new OutboxSendResult(2, 3, "HTTP 503", Now.AddSeconds(5))));
        Assert.That(publisher.Events.Select(e => e.Id), Is.EqualTo(new[] { "e1", "e2" }));
        var entries = await EntriesAsync();
        Assert.That(
            entries.Select(e => (e.Event.Id, e.Sent is not null, e.Attempts, e.NextAttempt, e.LastError)),
            Is.EqualTo(new (string, bool, int, DateTimeOffset?, string?)[]
            {
                ("e1", true, 0, null, null), ("e2", true, 0, null, null), ("e3", false, 1, Now.AddSeconds(5), "HTTP 503"), ("e4", false, 1, Now.AddSeconds(5), "HTTP 503"),
                ("e5", false, 0, null, null),
            }));
    }

    [Test]
    public async Task Held_back_events_wait_for_their_next_attempt_and_no_later_event_overtakes_them()
    {
        await AddAsync("e1");
        var publisher = new RecordingEventPublisher { Refuse = _ => "connection refused" };
        var sender = new OutboxSender();
        await sender.SendPendingAsync(_store, publisher, Now);
        publisher.Refuse = null;
        await AddAsync("e2");

        var early = await sender.SendPendingAsync(_store, publisher, Now.AddSeconds(4));
        var due = await sender.SendPendingAsync(_store, publisher, Now.AddSeconds(5));

        Assert.That(early, Is.EqualTo(new OutboxSendResult(0, 2, null, Now.AddSeconds(5))));
        Assert.That(due, Is.EqualTo(new OutboxSendResult(2, 0, null, null)));
        Assert.That(publisher.Batches.Select(b => string.Join(",", b.Select(e => e.Id))), Is.EqualTo(new[] { "e1,e2" }));
    }

    [Test]
    public async Task The_delay_doubles_with_every_failed_attempt_up_to_its_cap()
    {
        await AddAsync("e1");
        var publisher = new RecordingEventPublisher { Refuse = _ => "down" };
        var sender = new OutboxSender(new OutboxSenderOptions { FirstRetryDelay = TimeSpan.FromSeconds(5), MaxRetryDelay = TimeSpan.FromSeconds(30) });
        var delays = new List<TimeSpan>();
        var now = Now;

        for (var attempt = 0; attempt < 6; attempt++)
        {
            var result = await sender.SendPendingAsync(_store, publisher, now);
            delays.Add(result.NextAttempt!.Value - now);
            now = result.NextAttempt.Value;
        }

        Assert.That(delays.Select(d => d.TotalSeconds), Is.EqualTo(new double[] { 5, 10, 20, 30, 30, 30 }));
        Assert.That((await EntriesAsync()).Single().Attempts, Is.EqualTo(6));
    }

    [Test]
    public async Task A_sender_that_does_not_honour_the_backoff_tries_held_back_events_at_once()
    {
        await AddAsync("e1");
        var publisher = new RecordingEventPublisher { Refuse = _ => "down" };
        await new OutboxSender().SendPendingAsync(_store, publisher, Now);
        publisher.Refuse = null;

        var result = await new OutboxSender(new OutboxSenderOptions { HonourBackoff = false }).SendPendingAsync(_store, publisher, Now.AddSeconds(1));

        Assert.That(result, Is.EqualTo(new OutboxSendResult(1, 0, null, null)));
        Assert.That((await EntriesAsync()).Single().Attempts, Is.EqualTo(1), "the failed attempt stays counted");
    }

    private Task<int> AddAsync(params string[] ids) =>
        _store.AddEventsAsync(ids.Select(id => new EventEnvelope(id, EventTypes.FeedAccepted, "/productflow/pipelines/demo", "feeds/demo/" + id, Now, "{}"u8.ToArray())).ToList());

    private async Task<List<OutboxEntry>> EntriesAsync() => await _store.ReadEventsAsync(pendingOnly: false, 100).ToListAsync();
}
