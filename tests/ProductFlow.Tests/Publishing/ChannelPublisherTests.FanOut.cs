using ProductFlow.Catalog;
using ProductFlow.Channels;
using ProductFlow.Pipelines;
using ProductFlow.Publishing;
using ProductFlow.Running;
using ProductFlow.Store;
using ProductFlow.Store.Sqlite;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Publishing;

// Several channels published from one read of the store, written concurrently, committed only when every channel's pass succeeded.
public partial class ChannelPublisherTests
{
    private static readonly TimeProvider Clock = new FixedClock(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero));

    [Test]
    [CancelAfter(120_000)]
    public async Task Publishing_the_demo_channels_together_writes_the_same_files_as_publishing_them_one_by_one()
    {
        var demo = PipelineLoader.Load(TestPaths.InRepository("pipelines", "demo.json"));
        demo.Definition.Publish = PublishMode.Scheduled;
        var channels = demo.Definition.Channels.Select(code => demo.Catalog.FindChannel(code)!).ToList();
        var oneByOne = new ChannelPublisher(new FolderBlobStore(_dir.Combine("one-by-one")), Clock);
        var together = new ChannelPublisher(new FolderBlobStore(_dir.Combine("together")), Clock);
        var data = _dir.Combine("demo");

        // The demo feed (first versions, a product blocked on partner and one on google), then a delta: renamed products, and some disabled.
        var feed = TestPaths.InRepository("samples", "supplier-apparel.csv");
        var changed = File.ReadAllLines(feed).Select((line, i) => i % 20 == 19 && line.EndsWith(",yes", StringComparison.Ordinal) ? line[..^4] + ",no" : line.Replace("Classic Tee", "Classic Tee II", StringComparison.Ordinal));
        var next = _dir.File("changed.csv", string.Join('\n', changed) + "\n");
        foreach (var (input, mode) in new[] { (feed, (ExportMode?)null), (next, ExportMode.Delta) })
        {
            await Runs.RunAsync(demo, data, input: input);
            var store = SqliteProductStore.Open(data);
            await using (store)
            {
                var expected = new List<PublishResult>();
                foreach (var channel in channels)
                {
                    expected.Add(await oneByOne.PublishAsync(store, channel, demo.Catalog, new PublishRequest { Mode = mode }));
                }

                var results = await together.PublishAsync(store, channels, demo.Catalog, new PublishRequest { Mode = mode });

                Assert.That(results.Select(r => r with { Location = null }), Is.EqualTo(expected.Select(r => r with { Location = null })));
            }
        }

        var files = Files(_dir.Combine("one-by-one"));
        Assert.That(files.Count(f => f.EndsWith(ExportLayout.ManifestName, StringComparison.Ordinal)), Is.EqualTo(2 * channels.Count), "two versions of each channel");
        Assert.That(Files(_dir.Combine("together")), Is.EqualTo(files));
        foreach (var file in files)
        {
            Assert.That(File.ReadAllBytes(_dir.Combine("together", file)), Is.EqualTo(File.ReadAllBytes(_dir.Combine("one-by-one", file))), file);
        }
    }

    [Test]
    public async Task Publishing_several_channels_reads_the_store_once()
    {
        await StoreAsync(Products(10));
        var counting = new CountingStore(_store);

        var results = await _publisher.PublishAsync(counting, _catalog.Channels, _catalog);

        Assert.That((counting.Reads, counting.Records), Is.EqualTo((1, 10L)));
        Assert.That(results.Select(r => (r.Channel, r.Published, r.Records)), Is.EqualTo(new[] { ("partner", true, 10L), ("outlet", true, 10L), ("b2b", true, 10L) }));
        Assert.That(File.ReadAllText(Path.Combine(Exports, "outlet", "v1", "outlet.csv")), Does.StartWith("SKU,Title,Price\r\nP0000,Name P0000,1\r\n"));
    }

    [Test]
    public async Task A_product_blocked_on_a_channel_is_left_off_that_channel_alone()
    {
        await StoreBlockedAsync(["partner"], ("A", "Alpha", "1"));
        await StoreBlockedAsync(["outlet", "b2b"], ("B", "Beta", "2"));
        await StoreAsync(("C", "Gamma", "3"));

        var results = await _publisher.PublishAsync(_store, _catalog.Channels, _catalog);

        Assert.That(results.Select(r => r.Records), Is.EqualTo(new[] { 2L, 2L, 2L }));
        Assert.That(Skus("partner", ';'), Is.EqualTo(new[] { "B", "C" }));
        Assert.That(Skus("outlet", ','), Is.EqualTo(new[] { "A", "C" }));
        Assert.That(Skus("b2b", '\t'), Is.EqualTo(new[] { "A", "C" }));
        Assert.That(await ChannelSkusAsync("partner"), Is.EqualTo(new[] { "B", "C" }), "one channel's read is the same read less its blocked products");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_channel_failing_midway_stops_every_channel_without_hanging_and_commits_none()
    {
        await PublishThenChangeMoreThanABufferHoldsAsync();
        // Outlet's state is damaged: its pass fails at once, while the read has far more records than its buffer holds.
        await File.WriteAllTextAsync(Path.Combine(Exports, ExportLayout.StateFolder, "outlet", "v1.jsonl.gz"), "not gzip");

        var publishing = _publisher.PublishAsync(_store, _catalog.Channels, _catalog);

        await Assert.ThrowsAsync<InvalidDataException>(() => publishing.WaitAsync(TimeSpan.FromSeconds(30)));
        AssertNothingAfterVersion1();
        var next = await new ChannelPublisher(new FolderBlobStore(Exports)).PublishAsync(_store, _catalog.Channels[0], _catalog);
        Assert.That((next.Version, next.Changed, next.Added), Is.EqualTo(((int?)2, 20L, 5L * StoreFanOut.Capacity - 20)), "the lock was released");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_store_read_failing_midway_commits_no_channel()
    {
        await PublishThenChangeMoreThanABufferHoldsAsync();

        await Assert.ThrowsAsync<IOException>(() => _publisher.PublishAsync(new FailingStore(_store, afterRecords: 3 * StoreFanOut.Capacity), _catalog.Channels, _catalog));

        AssertNothingAfterVersion1();
        var again = await _publisher.PublishAsync(_store, _catalog.Channels, _catalog);
        Assert.That(again.Select(r => r.Version), Is.EqualTo(new int?[] { 2, 2, 2 }), "the next publish completes every channel");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_cancelled_publish_of_several_channels_commits_none()
    {
        await PublishThenChangeMoreThanABufferHoldsAsync();
        using var cancel = new CancellationTokenSource();
        var store = new CountingStore(_store) { AfterRecord = read => { if (read == 2 * StoreFanOut.Capacity) { cancel.Cancel(); } } };

        await Assert.ThrowsAsync(Is.InstanceOf<OperationCanceledException>(), () => _publisher.PublishAsync(store, _catalog.Channels, _catalog, cancellationToken: cancel.Token));

        AssertNothingAfterVersion1();
    }

    [Test]
    public async Task A_failed_commit_leaves_the_channels_before_it_published_and_the_rest_at_their_current_version()
    {
        await StoreAsync(Products(3));
        var crashing = new ChannelPublisher(new CrashingBlobStore(new FolderBlobStore(Exports), ExportLayout.Manifest("outlet", 1)));

        await Assert.ThrowsAsync<IOException>(() => crashing.PublishAsync(_store, _catalog.Channels, _catalog));

        Assert.That(File.ReadAllText(Path.Combine(Exports, "partner", "current")), Is.EqualTo("v1\n"));
        Assert.That(File.Exists(Path.Combine(Exports, "outlet", "current")), Is.False);
        Assert.That(File.Exists(Path.Combine(Exports, "b2b", "current")), Is.False);
        var again = await _publisher.PublishAsync(_store, _catalog.Channels, _catalog);
        Assert.That(again.Select(r => (r.Published, r.Version)), Is.EqualTo(new[] { (false, (int?)1), (true, 1), (true, 1) }));
    }

    [Test]
    public async Task Following_changes_is_refused_for_several_channels_and_a_channel_named_twice_is_refused()
    {
        var follow = new PublishRequest { Preview = true, OnChange = _ => { } };

        await Assert.ThrowsAsync<ArgumentException>(() => _publisher.PublishAsync(_store, _catalog.Channels, _catalog, follow));
        await Assert.ThrowsAsync<ArgumentException>(() => _publisher.PublishAsync(_store, [_catalog.Channels[0], _catalog.Channels[0]], _catalog));
        Assert.That(Directory.Exists(Exports), Is.False, "refused before any lock or upload");
    }

    private static ChannelDefinition PartnerLike(string code, string delimiter) => new()
    {
        Code = code, Kind = "partner-csv", Locale = "en_US", Currency = "EUR", Delimiter = delimiter,
        Columns =
        [
            new ChannelColumn { Header = "SKU", Value = "sku" },
            new ChannelColumn { Header = "Title", Value = "name" },
            new ChannelColumn { Header = "Price", Value = "price" },
        ],
    };

    private static (string Sku, string Name, string Price)[] Products(int count, string price = "1") =>
        Enumerable.Range(0, count).Select(i => ($"P{i:D4}", $"Name P{i:D4}", price)).ToArray();

    /// <summary>Version 1 of every channel with 20 products, then a change to them and more new products than a channel's buffer holds.</summary>
    private async Task PublishThenChangeMoreThanABufferHoldsAsync()
    {
        await StoreAsync(Products(20));
        await _publisher.PublishAsync(_store, _catalog.Channels, _catalog);
        await StoreAsync(Products(5 * StoreFanOut.Capacity, price: "9"));
    }

    private static List<string> Files(string root) =>
        Directory.GetFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal).ToList();

    private void AssertNothingAfterVersion1()
    {
        foreach (var channel in _catalog.Channels)
        {
            Assert.That(File.ReadAllText(Path.Combine(Exports, channel.Code, "current")), Is.EqualTo("v1\n"), channel.Code);
            Assert.That(Directory.Exists(Path.Combine(Exports, channel.Code, "v2")), Is.False, channel.Code);
            Assert.That(File.Exists(Path.Combine(Exports, ExportLayout.StateFolder, channel.Code, "v2.jsonl.gz")), Is.False, channel.Code);
        }

        Assert.That(Directory.GetFiles(Exports, "*.tmp", SearchOption.AllDirectories), Is.Empty, "no upload left behind");
    }

    private List<string> Skus(string channel, char delimiter) =>
        File.ReadAllLines(Path.Combine(Exports, channel, "v1", channel + ".csv")).Skip(1).Select(line => line.Split(delimiter)[0]).ToList();

    private async Task<List<string>> ChannelSkusAsync(string channel)
    {
        var skus = new List<string>();
        await foreach (var record in _store.ReadChannelAsync(channel))
        {
            skus.Add(record.Sku);
        }

        return skus;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
