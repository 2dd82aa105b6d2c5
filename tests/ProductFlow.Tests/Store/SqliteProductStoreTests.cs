using ProductFlow.Model;
using ProductFlow.Store;
using ProductFlow.Store.Sqlite;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Store;

public class SqliteProductStoreTests
{
    private TempDirectory _dir = null!;
    private SqliteProductStore _store = null!;

    [SetUp]
    public void Open()
    {
        _dir = new TempDirectory();
        _store = SqliteProductStore.Open(_dir.Path);
    }

    [TearDown]
    public async Task Close()
    {
        await _store.DisposeAsync();
        _dir.Dispose();
    }

    [Test]
    public async Task Upsert_creates_version_one_then_only_a_content_change_makes_a_new_version()
    {
        var first = await UpsertAsync(Some.Record("A", ("price", "10")));
        var same = await UpsertAsync(Some.Record("A", ("price", "10")));
        var changed = await UpsertAsync(Some.Record("A", ("price", "11")));

        Assert.That(new[] { first, same, changed }, Is.EqualTo(new[] { UpsertOutcome.Created, UpsertOutcome.Unchanged, UpsertOutcome.Updated }));
    }

    [Test]
    public async Task Lineage_and_value_order_are_not_content()
    {
        var record = Some.Record("A", ("price", "10"), ("color", "black"));
        await UpsertAsync(record);
        var moved = new ProductRecord("A") { Family = "tshirts", Feed = "other.csv", Line = 99 };
        moved.Values.Add(new ProductValue("color", null, null, "black", ValueOrigin.FromCell("other.csv", 99, "c")));
        moved.Values.Add(new ProductValue("price", null, null, "10", ValueOrigin.FromRule("default")));

        Assert.That(await UpsertAsync(moved), Is.EqualTo(UpsertOutcome.Unchanged));
    }

    [Test]
    public async Task A_session_disposed_without_commit_leaves_nothing()
    {
        var run = Run();
        await using (var session = await _store.BeginAsync(run))
        {
            await session.UpsertAsync(Some.Record("A", ("price", "10")), []);
        }

        Assert.That(await ChannelAsync("partner"), Is.Empty);
    }

    [Test]
    public async Task A_channel_reads_enabled_unblocked_products_in_sku_order_with_their_values()
    {
        await UpsertAsync(Some.Record("B", ("price", "2")));
        await UpsertAsync(Some.Record("A", ("price", "1")));
        await UpsertAsync(Some.Record("C", ("price", "3")), blocked: ["partner"]);
        var disabled = Some.Record("D", ("price", "4"));
        disabled.Enabled = false;
        await UpsertAsync(disabled);

        var partner = await ChannelAsync("partner");
        var web = await ChannelAsync("web");

        Assert.That(partner.Select(r => (r.Sku, r.Values.Single().Data)), Is.EqualTo(new[] { ("A", "1"), ("B", "2") }));
        Assert.That(web.Select(r => r.Sku), Is.EqualTo(new[] { "A", "B", "C" }));
    }

    private async Task<UpsertOutcome> UpsertAsync(ProductRecord record, string[]? blocked = null)
    {
        await using var session = await _store.BeginAsync(Run());
        var outcome = await session.UpsertAsync(record, blocked ?? []);
        await session.CommitAsync();
        return outcome;
    }

    private async Task<List<ProductRecord>> ChannelAsync(string channel)
    {
        var records = new List<ProductRecord>();
        await foreach (var record in _store.ReadChannelAsync(channel))
        {
            records.Add(record);
        }

        return records;
    }

    private static RunRecord Run() => new()
    {
        Id = "20260101T000000Z-" + Guid.NewGuid().ToString("N")[..6],
        Pipeline = "test",
        Feed = new FeedInfo("feed.csv", 1, ""),
        Started = DateTimeOffset.UnixEpoch,
    };
}
