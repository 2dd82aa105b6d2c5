using ProductFlow.Events;
using ProductFlow.Store;

namespace ProductFlow.Tests.Events;

/// <summary>The <see cref="IEventOutbox"/> contract, and a run's end saved with its events, run against every store: each subclass opens an empty store per test.</summary>
public abstract class EventOutboxContractTests
{
    protected static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, 123, TimeSpan.Zero);

    private IProductStore? _store;

    protected IProductStore Store => _store ?? throw new InvalidOperationException("the store is not open");

    protected static CancellationToken Token => TestContext.CurrentContext.CancellationToken;

    protected abstract Task<IProductStore> OpenEmptyStoreAsync();

    [SetUp]
    public async Task OpenStore() => _store = await OpenEmptyStoreAsync();

    [TearDown]
    public async Task CloseStore()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
            _store = null;
        }
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Added_events_are_read_pending_in_the_order_written_as_they_were_added()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var added = await Store.AddEventsAsync([Event("web:v1:published"), Event("run-1:accepted")], Token);
        added += await Store.AddEventsAsync([Event("a:v1:published")], Token);

        var entries = await ReadAsync();
        Assert.That(added, Is.EqualTo(3));
        Assert.That(entries.Select(e => e.Event.Id), Is.EqualTo(new[] { "web:v1:published", "run-1:accepted", "a:v1:published" }));
        Assert.That(entries.Select(e => e.Sequence), Is.Ordered.Ascending.And.Unique);
        var first = entries[0];
        var expected = Event("web:v1:published");
        Assert.That((first.Event.Type, first.Event.Source, first.Event.Subject, first.Event.Time), Is.EqualTo((expected.Type, expected.Source, expected.Subject, expected.Time)));
        Assert.That(first.Event.Data.ToArray(), Is.EqualTo(expected.Data.ToArray()));
        Assert.That((first.Sent, first.Attempts, first.NextAttempt, first.LastError), Is.EqualTo(((DateTimeOffset?)null, 0, (DateTimeOffset?)null, (string?)null)));
        Assert.That(first.Created, Is.InRange(before, DateTimeOffset.UtcNow.AddSeconds(1)));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task An_id_already_in_the_outbox_is_left_as_it_is_sent_or_not()
    {
        await Store.AddEventsAsync([Event("e1"), Event("e2")], Token);
        await Store.MarkSentAsync(["e1"], Now, Token);

        var added = await Store.AddEventsAsync([Event("e1", subject: "changed"), Event("e3"), Event("e2", subject: "changed")], Token);

        var entries = await ReadAsync();
        Assert.That(added, Is.EqualTo(1));
        Assert.That(entries.Select(e => (e.Event.Id, e.Event.Subject, e.Sent is not null)), Is.EqualTo(new[] { ("e1", "feeds/demo/e1", true), ("e2", "feeds/demo/e2", false), ("e3", "feeds/demo/e3", false) }));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Sent_events_are_not_pending_and_keep_the_time_they_were_first_sent()
    {
        await Store.AddEventsAsync([Event("e1"), Event("e2"), Event("e3"), Event("e4")], Token);

        await Store.MarkSentAsync(["e1", "e3"], Now, Token);
        await Store.MarkSentAsync(["e1"], Now.AddHours(1), Token);

        Assert.That((await ReadAsync(pendingOnly: true)).Select(e => e.Event.Id), Is.EqualTo(new[] { "e2", "e4" }));
        Assert.That((await ReadAsync(pendingOnly: true, limit: 1)).Select(e => e.Event.Id), Is.EqualTo(new[] { "e2" }));
        Assert.That((await ReadAsync(limit: 2)).Select(e => (e.Event.Id, e.Sent)), Is.EqualTo(new[] { ("e1", (DateTimeOffset?)Now), ("e2", null) }));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_failed_attempt_is_counted_with_its_reason_and_next_attempt_and_never_marks_a_sent_event()
    {
        await Store.AddEventsAsync([Event("e1"), Event("e2"), Event("e3")], Token);
        await Store.MarkSentAsync(["e3"], Now, Token);

        await Store.MarkFailedAsync(["e1", "e2", "e3"], "HTTP 503", Now.AddSeconds(5), Token);
        await Store.MarkFailedAsync(["e1"], "connection refused", Now.AddSeconds(10), Token);

        var entries = await ReadAsync();
        Assert.That(
            entries.Select(e => (e.Event.Id, e.Attempts, e.NextAttempt, e.LastError)),
            Is.EqualTo(new (string, int, DateTimeOffset?, string?)[] { ("e1", 2, Now.AddSeconds(10), "connection refused"), ("e2", 1, Now.AddSeconds(5), "HTTP 503"), ("e3", 0, null, null) }));
        await Store.MarkSentAsync(["e1"], Now.AddSeconds(11), Token);
        var sent = (await ReadAsync())[0];
        Assert.That((sent.Sent, sent.Attempts, sent.NextAttempt), Is.EqualTo(((DateTimeOffset?)Now.AddSeconds(11), 2, (DateTimeOffset?)null)));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_run_end_saved_with_its_events_stores_both_after_the_events_written_before()
    {
        await Store.AddEventsAsync([Event("web:v1:published")], Token);
        var run = Run();
        await Store.SaveRunAsync(run, cancellationToken: Token);
        run.Status = RunStatus.Completed;
        run.Finished = Now;

        await Store.SaveRunAsync(run, [Event(run.Id + ":accepted")], Token);

        Assert.That((await Store.FindRunAsync(run.Id, Token))!.Status, Is.EqualTo(RunStatus.Completed));
        Assert.That((await ReadAsync()).Select(e => e.Event.Id), Is.EqualTo(new[] { "web:v1:published", run.Id + ":accepted" }));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_run_end_whose_events_cannot_be_stored_is_not_stored_either()
    {
        var run = Run();
        await Store.SaveRunAsync(run, cancellationToken: Token);
        run.Status = RunStatus.Completed;
        run.Finished = Now;
        var broken = Event(run.Id + ":accepted") with { Type = null! };

        Assert.That(async () => await Store.SaveRunAsync(run, [Event("before"), broken], Token), Throws.Exception);

        Assert.That((await Store.FindRunAsync(run.Id, Token))!.Status, Is.EqualTo(RunStatus.Running));
        Assert.That(await ReadAsync(), Is.Empty);
    }

    protected static EventEnvelope Event(string id, string? subject = null) =>
        new(id, EventTypes.FeedAccepted, "/productflow/pipelines/demo", subject ?? "feeds/demo/" + id, Now, System.Text.Encoding.UTF8.GetBytes($$"""{"runId":"{{id}}","ä":"✓"}"""));

    private static RunRecord Run() => new() { Id = "20260301T120000Z-" + Guid.NewGuid().ToString("N")[..6], Pipeline = "demo", Feed = new FeedInfo("feed.csv", 1, "abc"), Started = Now };

    private async Task<List<OutboxEntry>> ReadAsync(bool pendingOnly = false, int limit = 100) => await Store.ReadEventsAsync(pendingOnly, limit, Token).ToListAsync(Token);
}
