using System.Text.Json;
using ProductFlow.Catalog;
using ProductFlow.Events;
using ProductFlow.Publishing;
using ProductFlow.Store;
using ProductFlow.Store.Sqlite;
using ProductFlow.Tests.Publishing;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Events;

/// <summary><c>ProductFlow.Export.Published</c>: once per committed version, after <c>current</c> names it; never for a no-op or a preview.</summary>
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
    public async Task A_committed_version_raises_one_event_once_its_manifest_and_current_are_written()
    {
        string? currentWhenSent = null;
        var manifestWhenSent = false;
        var events = new RecordingEventPublisher
        {
            OnSend = _ =>
            {
                currentWhenSent = File.ReadAllText(Path.Combine(Exports, "partner", "current"));
                manifestWhenSent = File.Exists(Path.Combine(Exports, "partner", "v1", "manifest.json"));
            },
        };
        await StoreAsync(("A", "1.50"), ("B", "2"));

        var result = await Publisher(events).PublishAsync(_store, Partner, _catalog, new PublishRequest { RunId = "run-1" });

        Assert.That(events.Events, Has.Count.EqualTo(1));
        Assert.That((currentWhenSent, manifestWhenSent), Is.EqualTo(("v1\n", true)));
        var published = events.Events[0];
        Assert.That((published.Type, published.Source, published.Subject), Is.EqualTo((EventTypes.ExportPublished, "/productflow/channels/partner", "exports/partner/v1")));
        Assert.That(result.EventError, Is.Null);
        using var data = JsonDocument.Parse(published.DataJson());
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
        var events = new RecordingEventPublisher();
        var publisher = Publisher(events);
        await StoreAsync(("A", "1"), ("B", "2"));
        await publisher.PublishAsync(_store, Partner, _catalog);
        await StoreAsync(("B", "2.50"), ("C", "3"));

        await publisher.PublishAsync(_store, Partner, _catalog, new PublishRequest { Mode = ProductFlow.Channels.ExportMode.Delta });

        Assert.That(events.Events.Select(e => e.Subject), Is.EqualTo(new[] { "exports/partner/v1", "exports/partner/v2" }));
        Assert.That(events.Events.Select(e => e.Id).Distinct().Count(), Is.EqualTo(2), "every event has its own id");
        using var data = JsonDocument.Parse(events.Events[1].DataJson());
        var root = data.RootElement;
        Assert.That((root.GetProperty("previous").GetInt32(), root.GetProperty("basedOn").GetInt32(), root.GetProperty("mode").GetString()), Is.EqualTo((1, 1, "delta")));
        Assert.That((root.GetProperty("added").GetInt64(), root.GetProperty("changed").GetInt64(), root.GetProperty("rows").GetInt64()), Is.EqualTo((1L, 1L, 2L)));
    }

    [Test]
    public async Task A_publish_without_a_change_raises_no_event()
    {
        var events = new RecordingEventPublisher();
        var publisher = Publisher(events);
        await StoreAsync(("A", "1"));
        await publisher.PublishAsync(_store, Partner, _catalog);

        var again = await publisher.PublishAsync(_store, Partner, _catalog);

        Assert.That(again.Published, Is.False);
        Assert.That(events.Events.Select(e => e.Subject), Is.EqualTo(new[] { "exports/partner/v1" }));
    }

    [Test]
    public async Task A_preview_raises_no_event()
    {
        var events = new RecordingEventPublisher();
        await StoreAsync(("A", "1"));

        var preview = await Publisher(events).PublishAsync(_store, Partner, _catalog, new PublishRequest { Preview = true });

        Assert.That(preview.HasChanges, Is.True);
        Assert.That(events.Events, Is.Empty);
    }

    [Test]
    public async Task A_publish_that_fails_before_its_manifest_is_written_raises_no_event()
    {
        var events = new RecordingEventPublisher();
        await StoreAsync(("A", "1"));
        var publisher = new ChannelPublisher(new CrashingBlobStore(new FolderBlobStore(Exports), ExportLayout.ManifestName), events: events);

        await Assert.ThrowsAsync<IOException>(() => publisher.PublishAsync(_store, Partner, _catalog));

        Assert.That(events.Events, Is.Empty);
    }

    [Test]
    public async Task An_undelivered_event_leaves_the_version_committed_and_is_reported_in_the_result()
    {
        var events = new RecordingEventPublisher { Refuse = "topic unreachable" };
        await StoreAsync(("A", "1"));

        var result = await Publisher(events).PublishAsync(_store, Partner, _catalog);

        Assert.That((result.Published, result.Version, result.EventError), Is.EqualTo((true, (int?)1, "topic unreachable")));
        Assert.That(PublishedExports.CurrentVersion(_dir.Path, "partner"), Is.EqualTo(1));
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            PublishResultJson.Write(writer, result);
        }

        using var json = JsonDocument.Parse(buffer.ToArray());
        Assert.That(json.RootElement.GetProperty("eventError").GetString(), Is.EqualTo("topic unreachable"));
    }

    private ChannelPublisher Publisher(IEventPublisher events) => new(new FolderBlobStore(Exports), events: events);

    private ExportManifest ReadManifest(int version)
    {
        using var stream = File.OpenRead(Path.Combine(Exports, "partner", ExportLayout.Version(version), ExportLayout.ManifestName));
        return ExportManifest.Read(stream);
    }

    private async Task StoreAsync(params (string Sku, string Price)[] products)
    {
        await using var session = await _store.BeginAsync(new RunRecord { Id = Guid.NewGuid().ToString("N"), Pipeline = "test", Feed = new FeedInfo("feed.csv", 1, "00"), Started = DateTimeOffset.UtcNow });
        foreach (var (sku, price) in products)
        {
            var record = Some.Record(sku, ("price", price));
            record.Values.Add(Some.Value("name", "Name " + sku, "en_US"));
            await session.UpsertAsync(record, []);
        }

        await session.CommitAsync();
    }
}
