using ProductFlow.Catalog;
using ProductFlow.Events;
using ProductFlow.Publishing;
using ProductFlow.Store;
using ProductFlow.Store.Sqlite;
using ProductFlow.Tests.Store;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Events;

/// <summary>A version committed by its manifest whose event never reached the outbox (the process died in between) is recovered from the manifest, once.</summary>
public class OutboxReconcilerTests
{
    private TempDirectory _dir = null!;
    private SqliteProductStore _store = null!;
    private ProductCatalog _catalog = null!;

    private FolderBlobStore Exports => new(_dir.Combine("exports"));

    [SetUp]
    public void SetUp()
    {
        _dir = new TempDirectory();
        _store = SqliteProductStore.Open(_dir.Path);
        _catalog = Some.Catalog();
    }

    [TearDown]
    public async Task TearDown()
    {
        await _store.DisposeAsync();
        _dir.Dispose();
    }

    [Test]
    public async Task A_crash_between_current_and_the_outbox_row_loses_no_event_reconciling_adds_it_once()
    {
        await StoreProducts.StoreAsync(_store, ("A", "1"));
        await using var dying = new DyingOutbox(_store);

        await Assert.ThrowsAsync<IOException>(() => new ChannelPublisher(Exports, events: dying).PublishAsync(_store, _catalog.Channels[0], _catalog));
        Assert.That(PublishedExports.CurrentVersion(_dir.Path, "partner"), Is.EqualTo(1), "the version is committed");
        Assert.That(await OutboxAsync(), Is.Empty, "its event is not");

        var added = await OutboxReconciler.ReconcileAsync(_store, Exports);
        var again = await OutboxReconciler.ReconcileAsync(_store, Exports);

        Assert.That((added, again), Is.EqualTo((1, 0)));
        Assert.That((await OutboxAsync()).Select(e => e.Id), Is.EqualTo(new[] { "partner:v1:published" }));
    }

    [Test]
    public async Task The_event_derived_from_a_manifest_is_the_event_the_publish_wrote()
    {
        var publisher = new ChannelPublisher(Exports, events: _store);
        await StoreProducts.StoreAsync(_store, ("A", "1"), ("B", "2"));
        await publisher.PublishAsync(_store, _catalog.Channels, _catalog, new PublishRequest { RunId = "run-1" });
        await StoreProducts.StoreAsync(_store, ("B", "3"));
        await publisher.PublishAsync(_store, _catalog.Channels, _catalog, new PublishRequest { RunId = "run-2", Mode = ProductFlow.Catalog.ExportMode.Delta });
        var written = (await OutboxAsync()).Where(e => e.Subject.EndsWith("/v2", StringComparison.Ordinal)).ToList();
        using var other = new TempDirectory();
        await using var fresh = SqliteProductStore.Open(other.Path);

        var added = await OutboxReconciler.ReconcileAsync(fresh, Exports);

        var derived = await fresh.ReadEventsAsync(pendingOnly: false, 100).Select(e => e.Event).ToListAsync();
        Assert.That(written, Is.Not.Empty);
        Assert.That(added, Is.EqualTo(_catalog.Channels.Count), "every channel's current version");
        Assert.That(derived.Select(e => e.Id), Is.EqualTo(_catalog.Channels.Select(c => c.Code).Order(StringComparer.Ordinal).Select(c => $"{c}:v2:published")));
        foreach (var e in written)
        {
            var same = derived.Single(d => d.Id == e.Id);
            Assert.That((same.Type, same.Source, same.Subject, same.Time), Is.EqualTo((e.Type, e.Source, e.Subject, e.Time)));
            Assert.That(same.Data.ToArray(), Is.EqualTo(e.Data.ToArray()), e.Id);
        }
    }

    [Test]
    public async Task Reconciling_an_outbox_that_has_every_current_event_adds_nothing_and_the_order_stays()
    {
        var publisher = new ChannelPublisher(Exports, events: _store);
        await StoreProducts.StoreAsync(_store, ("A", "1"));
        await publisher.PublishAsync(_store, _catalog.Channels, _catalog);
        var before = await OutboxAsync();

        var added = await OutboxReconciler.ReconcileAsync(_store, Exports);

        Assert.That(added, Is.Zero);
        Assert.That((await OutboxAsync()).Select(e => e.Id), Is.EqualTo(before.Select(e => e.Id)));
    }

    [Test]
    public async Task An_export_store_without_versions_gives_no_event()
    {
        Assert.That(await OutboxReconciler.ReconcileAsync(_store, Exports), Is.Zero);
        Assert.That(await OutboxAsync(), Is.Empty);
    }

    private async Task<List<EventEnvelope>> OutboxAsync() => await _store.ReadEventsAsync(pendingOnly: false, 100).Select(e => e.Event).ToListAsync();

    /// <summary>An outbox whose process dies when an event is added to it.</summary>
    private sealed class DyingOutbox(IProductStore inner) : ProductStoreDecorator(inner)
    {
        public override Task<int> AddEventsAsync(IReadOnlyList<EventEnvelope> events, CancellationToken cancellationToken = default) => throw new IOException("the process died");
    }
}
