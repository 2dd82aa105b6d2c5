using System.Security.Cryptography;
using System.Text;
using ProductFlow.Catalog;
using ProductFlow.Channels;
using ProductFlow.Expressions;
using ProductFlow.Model;
using ProductFlow.Publishing;
using ProductFlow.Store;
using ProductFlow.Store.Sqlite;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Publishing;

/// <summary>Versioned, atomic publication of channels from the embedded store into a folder; several at once in ChannelPublisherTests.FanOut.</summary>
public partial class ChannelPublisherTests
{
    private TempDirectory _dir = null!;
    private SqliteProductStore _store = null!;
    private ProductCatalog _catalog = null!;
    private ChannelPublisher _publisher = null!;

    private ChannelDefinition Partner => _catalog.Channels[0];

    private string Exports => _dir.Combine("exports");

    [SetUp]
    public void SetUp()
    {
        _dir = new TempDirectory();
        _store = SqliteProductStore.Open(_dir.Path);
        _catalog = Some.Catalog();
        _catalog.Channels = [Partner, PartnerLike("outlet", ","), PartnerLike("b2b", "\t")];
        _publisher = new ChannelPublisher(new FolderBlobStore(Exports));
    }

    [TearDown]
    public async Task TearDown()
    {
        await _store.DisposeAsync();
        _dir.Dispose();
    }

    [Test]
    public async Task The_first_publish_writes_version_1_with_its_manifest_and_makes_it_current()
    {
        await StoreAsync(("A", "Alpha", "1.50"), ("B", "Beta", "2"));

        var result = await _publisher.PublishAsync(_store, Partner, _catalog, new PublishRequest { RunId = "run-1" });

        Assert.That(result.Published, Is.True);
        Assert.That((result.Version, result.Previous, result.Mode, result.Rows, result.Added), Is.EqualTo((1, (int?)null, ExportMode.Full, 2L, 2L)));
        Assert.That(File.ReadAllText(Path.Combine(Exports, "partner", "current")), Is.EqualTo("v1\n"));
        var data = Path.Combine(Exports, "partner", "v1", "partner.csv");
        Assert.That(result.Location, Is.EqualTo(data));
        Assert.That(File.ReadAllText(data), Is.EqualTo("SKU;Title;Price\r\nA;Alpha;1.50\r\nB;Beta;2\r\n"));
        Assert.That(File.ReadAllBytes(data).Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "UTF-8 with BOM, for Excel");
        var manifest = ReadManifest(1);
        Assert.That(manifest.Sha256, Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(data)))));
        Assert.That((manifest.Version, manifest.Rows, manifest.Bytes, manifest.RunId, manifest.Mode, manifest.File), Is.EqualTo((1, 2L, new FileInfo(data).Length, "run-1", ExportMode.Full, "partner.csv")));
        Assert.That(Directory.GetFiles(Path.Combine(Exports, "partner"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Exports, f)).Order(),
            Is.EqualTo(new[] { "partner/current", "partner/v1/manifest.json", "partner/v1/partner.csv" }));
    }

    [Test]
    public async Task Publishing_without_a_change_is_a_no_op()
    {
        await StoreAsync(("A", "Alpha", "1.50"));
        await _publisher.PublishAsync(_store, Partner, _catalog);

        var again = await _publisher.PublishAsync(_store, Partner, _catalog);

        Assert.That((again.Published, again.Version, again.HasChanges), Is.EqualTo((false, (int?)1, false)));
        Assert.That(Directory.Exists(Path.Combine(Exports, "partner", "v2")), Is.False);
        Assert.That(Directory.Exists(Path.Combine(Exports, ExportLayout.StateFolder, "partner")) && File.Exists(Path.Combine(Exports, ExportLayout.StateFolder, "partner", "v2.jsonl.gz")), Is.False);
    }

    [Test]
    public async Task A_delta_holds_the_added_and_changed_records_and_a_tombstone_per_removal()
    {
        await StoreAsync(("A", "Alpha", "1"), ("B", "Beta", "2"), ("C", "Gamma", "3"));
        await _publisher.PublishAsync(_store, Partner, _catalog);
        await StoreAsync(("B", "Beta", "2.50"), ("D", "Delta", "4"));
        await DisableAsync("C");

        var delta = await _publisher.PublishAsync(_store, Partner, _catalog, new PublishRequest { Mode = ExportMode.Delta });

        Assert.That((delta.Version, delta.Mode, delta.Added, delta.Changed, delta.Removed, delta.Rows, delta.Records), Is.EqualTo(((int?)2, ExportMode.Delta, 1L, 1L, 1L, 3L, 3L)));
        Assert.That(File.ReadAllText(Path.Combine(Exports, "partner", "v2", "partner.csv")),
            Is.EqualTo("Action;SKU;Title;Price\r\nupsert;B;Beta;2.50\r\ndelete;C;;\r\nupsert;D;Delta;4\r\n"));
        Assert.That(ReadManifest(2).BasedOn, Is.EqualTo(1));
    }

    [Test]
    public async Task A_delta_after_a_delta_compares_with_the_whole_channel_as_last_published()
    {
        await StoreAsync(("A", "Alpha", "1"), ("B", "Beta", "2"));
        await _publisher.PublishAsync(_store, Partner, _catalog);
        await StoreAsync(("A", "Alpha", "1.10"));
        await _publisher.PublishAsync(_store, Partner, _catalog, new PublishRequest { Mode = ExportMode.Delta });
        await StoreAsync(("B", "Beta", "2.20"));

        var third = await _publisher.PublishAsync(_store, Partner, _catalog, new PublishRequest { Mode = ExportMode.Delta });

        Assert.That((third.Version, third.Changed, third.Added, third.Rows), Is.EqualTo(((int?)3, 1L, 0L, 1L)));
        Assert.That(File.ReadAllText(Path.Combine(Exports, "partner", "v3", "partner.csv")), Does.EndWith("upsert;B;Beta;2.20\r\n"));
    }

    [Test]
    public async Task Preview_lists_exactly_the_changed_fields_and_writes_nothing()
    {
        await StoreAsync(("A", "Alpha", "1"), ("B", "Beta", "2"));
        await _publisher.PublishAsync(_store, Partner, _catalog);
        await StoreAsync(("A", "Alpha", "1.10"), ("E", "Epsilon", "5"));
        var changes = new List<ChannelChange>();
        var before = Directory.GetFiles(Exports, "*", SearchOption.AllDirectories).Order().ToList();

        var preview = await _publisher.PublishAsync(_store, Partner, _catalog, new PublishRequest { Preview = true, OnChange = changes.Add });

        Assert.That(preview.Published, Is.False);
        Assert.That(changes.Select(c => (c.Kind, c.Sku)), Is.EqualTo(new[] { (ChannelChangeKind.Changed, "A"), (ChannelChangeKind.Added, "E") }));
        Assert.That(changes[0].Fields, Is.EqualTo(new[] { new FieldChange("price", "1", "1.10") }));
        Assert.That(changes[1].Fields, Has.Member(new FieldChange("price", null, "5")).And.Member(new FieldChange("name", null, "Epsilon")), "an added record's every field, from nothing");
        Assert.That(changes[1].Fields.Select(f => f.Old), Is.All.Null);
        Assert.That(changes[1].Fields.Select(f => f.Field), Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal), "by field name, as the row holds them");
        Assert.That(Directory.GetFiles(Exports, "*", SearchOption.AllDirectories).Order(), Is.EqualTo(before));
    }

    [Test]
    public async Task A_publish_that_fails_while_reading_the_store_leaves_the_previous_version_current()
    {
        await StoreAsync(("A", "Alpha", "1"), ("B", "Beta", "2"), ("C", "Gamma", "3"));
        await _publisher.PublishAsync(_store, Partner, _catalog);
        await StoreAsync(("A", "Alpha", "9"));

        await Assert.ThrowsAsync<IOException>(() => _publisher.PublishAsync(new FailingStore(_store, afterRecords: 2), Partner, _catalog));

        Assert.That(File.ReadAllText(Path.Combine(Exports, "partner", "current")), Is.EqualTo("v1\n"));
        Assert.That(Directory.Exists(Path.Combine(Exports, "partner", "v2")), Is.False, "no trace of the failed version");
        Assert.That(Directory.GetFiles(Exports, "*.tmp", SearchOption.AllDirectories), Is.Empty);
        Assert.That((await _publisher.PublishAsync(_store, Partner, _catalog)).Version, Is.EqualTo(2), "the next publish takes the version number");
    }

    [Test]
    public async Task A_publish_killed_before_its_manifest_leaves_the_previous_version_current_and_the_next_one_completes()
    {
        await StoreAsync(("A", "Alpha", "1"));
        await _publisher.PublishAsync(_store, Partner, _catalog);
        await StoreAsync(("A", "Alpha", "2"));
        var crashing = new ChannelPublisher(new CrashingBlobStore(new FolderBlobStore(Exports), ExportLayout.ManifestName));

        await Assert.ThrowsAsync<IOException>(() => crashing.PublishAsync(_store, Partner, _catalog));

        Assert.That(File.ReadAllText(Path.Combine(Exports, "partner", "current")), Is.EqualTo("v1\n"));
        Assert.That(File.Exists(Path.Combine(Exports, "partner", "v2", "manifest.json")), Is.False);
        var next = await _publisher.PublishAsync(_store, Partner, _catalog);
        Assert.That((next.Version, next.Changed), Is.EqualTo(((int?)2, 1L)));
        Assert.That(File.ReadAllText(Path.Combine(Exports, "partner", "v2", "partner.csv")), Does.Contain("A;Alpha;2"));
    }

    [Test]
    public async Task Only_the_last_versions_the_channel_keeps_remain()
    {
        Partner.KeepVersions = 2;
        for (var price = 1; price <= 4; price++)
        {
            await StoreAsync(("A", "Alpha", price.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            await _publisher.PublishAsync(_store, Partner, _catalog);
        }

        Assert.That(Directory.GetDirectories(Path.Combine(Exports, "partner")).Select(Path.GetFileName).Order(), Is.EqualTo(new[] { "v3", "v4" }));
        Assert.That(Directory.GetFiles(Path.Combine(Exports, ExportLayout.StateFolder, "partner"), "*.gz").Select(Path.GetFileName).Order(), Is.EqualTo(new[] { "v3.jsonl.gz", "v4.jsonl.gz" }));
    }

    [Test]
    public async Task A_changed_channel_format_publishes_a_full_version_even_without_data_changes()
    {
        await StoreAsync(("A", "Alpha", "1"));
        await _publisher.PublishAsync(_store, Partner, _catalog);
        Partner.Delimiter = ",";

        var result = await _publisher.PublishAsync(_store, Partner, _catalog, new PublishRequest { Mode = ExportMode.Delta });

        Assert.That((result.Published, result.Mode, result.Version), Is.EqualTo((true, ExportMode.Full, (int?)2)));
        Assert.That(File.ReadAllText(Path.Combine(Exports, "partner", "v2", "partner.csv")), Does.StartWith("SKU,Title,Price"));
    }

    [Test]
    public async Task A_channel_filter_publishes_only_matching_records_and_one_that_stops_matching_leaves_with_a_tombstone()
    {
        Partner.Filter = "price >= 2";
        Partner.CompiledFilter = ProductFlow.Expressions.RuleExpression.Parse(Partner.Filter);
        await StoreAsync(("A", "Alpha", "1"), ("B", "Beta", "2"), ("C", "Gamma", "3"));
        var first = await _publisher.PublishAsync(_store, Partner, _catalog);
        await StoreAsync(("B", "Beta", "1.50"));

        var delta = await _publisher.PublishAsync(_store, Partner, _catalog, new PublishRequest { Mode = ExportMode.Delta });

        Assert.That((first.Records, delta.Records, delta.Removed), Is.EqualTo((2L, 1L, 1L)));
        Assert.That(File.ReadAllText(Path.Combine(Exports, "partner", "v1", "partner.csv")), Does.Not.Contain("Alpha"));
        Assert.That(File.ReadAllText(Path.Combine(Exports, "partner", "v2", "partner.csv")), Is.EqualTo("Action;SKU;Title;Price\r\ndelete;B;;\r\n"));
    }

    [Test]
    public async Task Two_publishes_of_one_channel_at_once_are_refused_not_interleaved()
    {
        var blobs = new FolderBlobStore(Exports);
        await using var held = await blobs.LockAsync(ExportLayout.Lock("partner"));

        var e = await Assert.ThrowsAsync<ProductFlowException>(() => _publisher.PublishAsync(_store, Partner, _catalog));

        Assert.That(e!.Message, Does.Contain("locked"));
    }

    private ExportManifest ReadManifest(int version)
    {
        using var stream = File.OpenRead(Path.Combine(Exports, "partner", ExportLayout.Version(version), "manifest.json"));
        return ExportManifest.Read(stream);
    }

    private Task StoreAsync(params (string Sku, string Name, string Price)[] products) => StoreBlockedAsync([], products);

    /// <summary>Stores <paramref name="products"/>, each blocked on <paramref name="blocked"/>.</summary>
    private async Task StoreBlockedAsync(string[] blocked, params (string Sku, string Name, string Price)[] products)
    {
        await using var session = await _store.BeginAsync(new RunRecord { Id = Guid.NewGuid().ToString("N"), Pipeline = "test", Feed = new FeedInfo("feed.csv", 1, "00"), Started = DateTimeOffset.UtcNow });
        foreach (var (sku, name, price) in products)
        {
            var record = Some.Record(sku, ("price", price));
            record.Values.Add(Some.Value("name", name, "en_US"));
            await session.UpsertAsync(record, blocked);
        }

        await session.CommitAsync();
    }

    private async Task DisableAsync(string sku)
    {
        await using var session = await _store.BeginAsync(new RunRecord { Id = Guid.NewGuid().ToString("N"), Pipeline = "test", Feed = new FeedInfo("feed.csv", 1, "00"), Started = DateTimeOffset.UtcNow });
        var record = Some.Record(sku, ("price", "3"));
        record.Values.Add(Some.Value("name", "Gamma", "en_US"));
        record.Enabled = false;
        await session.UpsertAsync(record, []);
        await session.CommitAsync();
    }
}
