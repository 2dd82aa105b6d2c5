using ProductFlow.Publishing;
using ProductFlow.Store;
using ProductFlow.Store.Sqlite;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Publishing;

/// <summary>A channel whose current version holds every change of the store, made from the same catalog and definition, is not read again.</summary>
public partial class ChannelPublisherTests
{
    [Test]
    public async Task A_channel_whose_version_holds_every_change_of_the_store_is_not_read_again()
    {
        await StoreAsync(("A", "Alpha", "1"), ("B", "Beta", "2"));
        await _publisher.PublishAsync(_store, _catalog.Channels, _catalog);
        var counting = new CountingStore(_store);

        var again = await _publisher.PublishAsync(counting, _catalog.Channels, _catalog);

        Assert.That(counting.Reads, Is.Zero);
        Assert.That(again.Select(r => (r.Channel, r.Published, r.Version, r.Previous, r.Records, r.Rows, r.HasChanges)), Is.EqualTo(new[]
        {
            ("partner", false, (int?)1, (int?)1, 2L, 2L, false), ("outlet", false, 1, 1, 2L, 2L, false), ("b2b", false, 1, 1, 2L, 2L, false),
        }));
        Assert.That(again[0].Location, Is.EqualTo(Path.Combine(Exports, "partner", "v1", "partner.csv")));
        Assert.That(Directory.Exists(Path.Combine(Exports, "partner", "v2")), Is.False);
        var position = await _store.PositionAsync();
        Assert.That((ReadManifest(1).Sequence, ReadManifest(1).LatestChange), Is.EqualTo(((long?)position.Sequence, position.Latest)));
        Assert.That(File.ReadAllText(Path.Combine(Exports, "partner", "v1", "manifest.json")), Does.Contain("\"sequence\": ").And.Contain("\"latestChange\": \"B v1 ").And.Contain("\"inputs\": \""));
    }

    [Test]
    public async Task A_change_in_the_store_after_a_version_makes_the_channel_read_it_and_publish_the_change()
    {
        await StoreAsync(("A", "Alpha", "1"), ("B", "Beta", "2"));
        await _publisher.PublishAsync(_store, Partner, _catalog);
        await StoreAsync(("B", "Beta", "3"));
        var counting = new CountingStore(_store);

        var result = await _publisher.PublishAsync(counting, Partner, _catalog);

        Assert.That(counting.Reads, Is.EqualTo(1));
        Assert.That((result.Published, result.Version, result.Changed), Is.EqualTo((true, (int?)2, 1L)));
        Assert.That(ReadManifest(2).Sequence, Is.EqualTo((await _store.PositionAsync()).Sequence));
    }

    [Test]
    public async Task A_publish_that_reads_the_store_and_finds_its_channel_current_spares_the_next_one_the_read()
    {
        await StoreAsync(("A", "Alpha", "1"));
        await _publisher.PublishAsync(_store, Partner, _catalog);
        await StoreBlockedAsync(["partner"], ("X", "Other", "9"));
        var first = new CountingStore(_store);
        var second = new CountingStore(_store);

        var checkedOnce = await _publisher.PublishAsync(first, Partner, _catalog);
        var again = await _publisher.PublishAsync(second, Partner, _catalog);

        Assert.That((first.Reads, checkedOnce.Published, checkedOnce.HasChanges), Is.EqualTo((1, false, false)), "the store moved, for another channel's product");
        Assert.That((second.Reads, again.Published, again.Version, again.Records), Is.EqualTo((0, false, (int?)1, 1L)));
        var check = File.ReadAllText(Path.Combine(Exports, ExportLayout.Checked("partner", 1)));
        Assert.That(check, Does.Contain($"\"sequence\": {(await _store.PositionAsync()).Sequence}").And.Contain("\"latestChange\": \"X v1 "));
        Assert.That(Directory.Exists(Path.Combine(Exports, "partner", "v2")), Is.False);
    }

    [Test]
    public async Task Only_the_channels_whose_versions_are_behind_the_store_read_it()
    {
        await StoreAsync(("A", "Alpha", "1"));
        await _publisher.PublishAsync(_store, _catalog.Channels, _catalog);
        await StoreAsync(("C", "Gamma", "3"));
        await _publisher.PublishAsync(_store, Partner, _catalog);
        var counting = new CountingStore(_store);

        var results = await _publisher.PublishAsync(counting, _catalog.Channels, _catalog);

        Assert.That((counting.Reads, counting.Records), Is.EqualTo((1, 2L)));
        Assert.That(results.Select(r => (r.Channel, r.Published, r.Version, r.Added)), Is.EqualTo(new[] { ("partner", false, (int?)2, 0L), ("outlet", true, 2, 1L), ("b2b", true, 2, 1L) }));
        Assert.That(File.ReadAllText(Path.Combine(Exports, "outlet", "v2", "outlet.csv")), Does.Contain("C,Gamma,3"));
    }

    [Test]
    public async Task Another_store_at_the_same_sequence_is_read_though_the_version_recorded_that_sequence()
    {
        await StoreAsync(("A", "Alpha", "1"), ("B", "Beta", "2"));
        await _publisher.PublishAsync(_store, Partner, _catalog);
        using var other = new TempDirectory();
        await using var store = SqliteProductStore.Open(other.Path);
        await using (var session = await store.BeginAsync(new RunRecord { Id = "other", Pipeline = "test", Feed = new FeedInfo("feed.csv", 1, "00"), Started = DateTimeOffset.UtcNow }))
        {
            await session.UpsertAsync(Some.Record("A", ("price", "1")), []);
            await session.UpsertAsync(Some.Record("C", ("price", "3")), []);
            await session.CommitAsync();
        }

        Assert.That((await store.PositionAsync()).Sequence, Is.EqualTo((await _store.PositionAsync()).Sequence), "a store that went its own way, at the same sequence");
        var counting = new CountingStore(store);

        var result = await _publisher.PublishAsync(counting, Partner, _catalog);

        Assert.That(counting.Reads, Is.EqualTo(1));
        Assert.That((result.Published, result.Version, result.Added, result.Changed, result.Removed), Is.EqualTo((true, (int?)2, 1L, 1L, 1L)));
    }

    [Test]
    public async Task A_changed_catalog_makes_the_channel_read_the_store_again_though_the_store_is_as_it_was()
    {
        await StoreAsync(("A", "Alpha", "1"));
        await _publisher.PublishAsync(_store, Partner, _catalog);
        _catalog.Locales = [.. _catalog.Locales, "fr_FR"];
        var counting = new CountingStore(_store);

        var result = await _publisher.PublishAsync(counting, Partner, _catalog);

        Assert.That(counting.Reads, Is.EqualTo(1));
        Assert.That((result.Published, result.Version, result.HasChanges), Is.EqualTo((false, (int?)1, false)), "the catalog's change changes nothing the channel publishes");
    }

    [Test]
    public async Task A_version_that_did_not_record_the_store_sequence_is_compared_as_before()
    {
        await StoreAsync(("A", "Alpha", "1"));
        await _publisher.PublishAsync(_store, Partner, _catalog);
        var path = Path.Combine(Exports, "partner", "v1", "manifest.json");
        var old = ReadManifest(1);
        using (var output = File.Create(path))
        {
            new ExportManifest
            {
                Channel = old.Channel, Version = old.Version, CreatedAt = old.CreatedAt, RunId = old.RunId, Mode = old.Mode, File = old.File, Rows = old.Rows,
                Bytes = old.Bytes, Sha256 = old.Sha256, Records = old.Records, Added = old.Added, Definition = old.Definition,
            }.Write(output);
        }

        var counting = new CountingStore(_store);

        var result = await _publisher.PublishAsync(counting, Partner, _catalog);

        Assert.That(File.ReadAllText(path), Does.Not.Contain("sequence"));
        Assert.That(counting.Reads, Is.EqualTo(1));
        Assert.That((result.Published, result.Version, result.HasChanges), Is.EqualTo((false, (int?)1, false)));
    }

    [Test]
    public async Task A_preview_reads_the_store_though_the_version_is_up_to_date()
    {
        await StoreAsync(("A", "Alpha", "1"));
        await _publisher.PublishAsync(_store, Partner, _catalog);
        var counting = new CountingStore(_store);

        var preview = await _publisher.PublishAsync(counting, Partner, _catalog, new PublishRequest { Preview = true });

        Assert.That(counting.Reads, Is.EqualTo(1));
        Assert.That((preview.Published, preview.HasChanges, preview.Records), Is.EqualTo((false, false, 1L)));
    }
}
