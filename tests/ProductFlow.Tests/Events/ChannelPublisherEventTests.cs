using System.Text.Json;
using ProductFlow.Catalog;
using ProductFlow.Events;
using ProductFlow.Publishing;
using ProductFlow.Store;
using ProductFlow.Store.Sqlite;
using ProductFlow.Tests.Publishing;
using ProductFlow.Tests.Store;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Events;

/// <summary><c>ProductFlow.Export.Published</c>: into the outbox once per committed version, after <c>current</c> names it; never for a no-op or a preview.</summary>
public class ChannelPublisherEventTests
{
    private TempDirectory _dir = null!;
    private SqliteProductStore _store = null!;
    private ProductCatalog _catalog = null!;

    private ChannelDefinition Partner => _catalog.Channels[0];

    private string Exports => _dir.Combine("exports");

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
    public async Task A_committed_version_adds_one_event_to_the_outbox_once_its_manifest_and_current_are_written()
    {
        string? currentWhenAdded = null;
        var manifestWhenAdded = false;
        await using var watching = new WatchingOutbox(_store, () =>
        {
            currentWhenAdded = File.ReadAllText(Path.Combine(Exports, "partner", "current"));
            manifestWhenAdded = File.Exists(Path.Combine(Exports, "partner", "v1", "manifest.json"));
        });
        await StoreAsync(("A", "1.50"), ("B", "2"));

        var result = await Publisher(watching).PublishAsync(_store, Partner, _catalog, new PublishRequest { RunId = "run-1" });

        var events = await OutboxAsync();
        Assert.That(events, Has.Count.EqualTo(1));
        Assert.That((currentWhenAdded, manifestWhenAdded), Is.EqualTo(("v1\n", true)));
        var published = events[0];
        Assert.That((published.Id, published.Type, published.Source, published.Subject), Is.EqualTo(("partner:v1:published", EventTypes.ExportPublished, "/productflow/channels/partner", "exports/partner/v1")));
        using var data = JsonDocument.Parse(published.Data);
        var root = data.RootElement;
        var manifest = ReadManifest(1);
        Assert.That(published.Time, Is.EqualTo(manifest.CreatedAt).Within(TimeSpan.FromMilliseconds(1)), "the version's createdAt");
        Assert.That(root.GetProperty("channel").GetString(), Is.EqualTo("partner"));
        Assert.That(root.GetProperty("version").GetInt32(), Is.EqualTo(1));
        Assert.That(root.GetProperty("previous").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(root.GetProperty("mode").GetString(), Is.EqualTo("full"));
        Assert.That((root.GetProperty("rows").GetInt64(), root.GetProperty("records").GetInt64(), root.GetProperty("added").GetInt64(), root.GetProperty("changed").GetInt64(), root.GetProperty("removed").GetInt64()),
            Is.EqualTo((2L, 2L, 2L, 0L, 0L)));
        Assert.That(root.GetProperty("file").GetString(), Is.EqualTo(result.Location).And.EqualTo(Path.Combine(Exports, "partner", "v1", "partner.csv")));
        Assert.That(root.GetProperty("manifest").GetString(), Is.EqualTo(Path.Combine(Exports, "partner", "v1", "manifest.json")));
        Assert.That(root.GetProperty("sha256").GetString(), Is.EqualTo(manifest.Sha256));
        Assert.That(root.GetProperty("runId").GetString(), Is.EqualTo("run-1"));
    }

    [Test]
    public async Task A_delta_version_names_the_previous_version_and_counts_what_changed()
    {
        var publisher = Publisher(_store);
        await StoreAsync(("A", "1"), ("B", "2"));
        await publisher.PublishAsync(_store, Partner, _catalog);
        await StoreAsync(("B", "2.50"), ("C", "3"));

        await publisher.PublishAsync(_store, Partner, _catalog, new PublishRequest { Mode = ProductFlow.Catalog.ExportMode.Delta });

        var events = await OutboxAsync();
        Assert.That(events.Select(e => (e.Id, e.Subject)), Is.EqualTo(new[] { ("partner:v1:published", "exports/partner/v1"), ("partner:v2:published", "exports/partner/v2") }));
        using var data = JsonDocument.Parse(events[1].Data);
        var root = data.RootElement;
        Assert.That((root.GetProperty("previous").GetInt32(), root.GetProperty("basedOn").GetInt32(), root.GetProperty("mode").GetString()), Is.EqualTo((1, 1, "delta")));
        Assert.That((root.GetProperty("added").GetInt64(), root.GetProperty("changed").GetInt64(), root.GetProperty("rows").GetInt64()), Is.EqualTo((1L, 1L, 2L)));
    }

    [Test]
    public async Task A_publish_without_a_change_adds_no_event()
    {
        var publisher = Publisher(_store);
        await StoreAsync(("A", "1"));
        await publisher.PublishAsync(_store, Partner, _catalog);

        var again = await publisher.PublishAsync(_store, Partner, _catalog);

        Assert.That(again.Published, Is.False);
        Assert.That((await OutboxAsync()).Select(e => e.Id), Is.EqualTo(new[] { "partner:v1:published" }));
    }

    [Test]
    public async Task A_preview_adds_no_event()
    {
        await StoreAsync(("A", "1"));

        var preview = await Publisher(_store).PublishAsync(_store, Partner, _catalog, new PublishRequest { Preview = true });

        Assert.That(preview.HasChanges, Is.True);
        Assert.That(await OutboxAsync(), Is.Empty);
    }

    [Test]
    public async Task A_publisher_without_an_outbox_adds_no_event()
    {
        await StoreAsync(("A", "1"));

        var result = await new ChannelPublisher(new FolderBlobStore(Exports)).PublishAsync(_store, Partner, _catalog);

        Assert.That(result.Published, Is.True);
        Assert.That(await OutboxAsync(), Is.Empty);
    }

    [Test]
    public async Task A_publish_that_fails_before_its_manifest_is_written_adds_no_event()
    {
        await StoreAsync(("A", "1"));
        var publisher = new ChannelPublisher(new CrashingBlobStore(new FolderBlobStore(Exports), ExportLayout.ManifestName), events: _store);

        await Assert.ThrowsAsync<IOException>(() => publisher.PublishAsync(_store, Partner, _catalog));

        Assert.That(await OutboxAsync(), Is.Empty);
    }

    private ChannelPublisher Publisher(IEventOutbox outbox) => new(new FolderBlobStore(Exports), events: outbox);

    private async Task<List<EventEnvelope>> OutboxAsync() => await _store.ReadEventsAsync(pendingOnly: false, 100).Select(e => e.Event).ToListAsync();

    private ExportManifest ReadManifest(int version)
    {
        using var stream = File.OpenRead(Path.Combine(Exports, "partner", ExportLayout.Version(version), ExportLayout.ManifestName));
        return ExportManifest.Read(stream);
    }

    private Task StoreAsync(params (string Sku, string Price)[] products) => StoreProducts.StoreAsync(_store, products);

    /// <summary>An outbox that looks at the world when an event is added to it.</summary>
    private sealed class WatchingOutbox(IProductStore inner, Action onAdd) : ProductStoreDecorator(inner)
    {
        public override Task<int> AddEventsAsync(IReadOnlyList<EventEnvelope> events, CancellationToken cancellationToken = default)
        {
            onAdd();
            return base.AddEventsAsync(events, cancellationToken);
        }
    }
}
