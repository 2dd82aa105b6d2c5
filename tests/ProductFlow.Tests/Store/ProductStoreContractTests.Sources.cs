using ProductFlow.Catalog;
using ProductFlow.Model;
using ProductFlow.Store;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Store;

/// <summary>The contract of several sources feeding one product: values keep their source, and the catalog's precedence decides.</summary>
public abstract partial class ProductStoreContractTests
{
    private static readonly SourcesDefinition ErpPrices = new()
    {
        Precedence = new Dictionary<string, IReadOnlyList<string>>
        {
            ["price"] = ["erp", "supplier"],
            ["stock"] = ["erp"],
            [SourcesDefinition.Others] = ["supplier", "erp"],
        },
    };

    [Test]
    [CancelAfter(60_000)]
    public async Task The_erp_price_beats_the_supplier_price_whatever_the_run_order()
    {
        await FeedAsync("supplier", Some.Record("A", ("price", "12"), ("name", "Tee")));
        await FeedAsync("erp", Some.Record("A", ("price", "10")));
        await FeedAsync("erp", Some.Record("B", ("price", "10")));
        await FeedAsync("supplier", Some.Record("B", ("price", "12"), ("name", "Tee")));

        var channel = await ChannelAsync("partner");

        Assert.That(channel.Select(r => (r.Sku, Data(r, "price"), Data(r, "name"))), Is.EqualTo(new[] { ("A", "10", "Tee"), ("B", "10", "Tee") }));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_weaker_source_fills_a_value_the_stronger_one_does_not_have()
    {
        await FeedAsync("erp", Some.Record("A", ("stock", "5")));
        await FeedAsync("supplier", Some.Record("A", ("price", "12"), ("stock", "9")));

        var record = (await ChannelAsync("partner")).Single();

        Assert.That((Data(record, "price"), Data(record, "stock")), Is.EqualTo(("12", "5")));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_feed_never_erases_the_attributes_it_does_not_carry()
    {
        var supplier = Some.Record("A", ("name", "Tee"), ("color", "black"));
        supplier.Parent = "M1";
        supplier.Categories = ["shirts"];
        supplier.Enabled = false;
        await FeedAsync("supplier", supplier);
        await FeedAsync("erp", Some.Record("A", ("price", "10")));
        await FeedAsync("erp", Some.Record("A", ("stock", "3")));

        var product = (await Store.FindProductAsync("A", Token))!.Record;

        Assert.That(product.Values.Select(v => (v.Attribute, v.Data)), Is.EquivalentTo(new[] { ("color", "black"), ("name", "Tee"), ("stock", "3") }));
        Assert.That((product.Parent, product.Categories.Single(), product.Enabled), Is.EqualTo(("M1", "shirts", false)));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Re_running_either_source_after_a_merge_makes_no_new_version()
    {
        await FeedAsync("supplier", Some.Record("A", ("price", "12"), ("name", "Tee")));
        await FeedAsync("erp", Some.Record("A", ("price", "10")));

        var supplierAgain = await FeedAsync("supplier", Some.Record("A", ("price", "12"), ("name", "Tee")));
        var erpAgain = await FeedAsync("erp", Some.Record("A", ("price", "10")));

        Assert.That((supplierAgain, erpAgain), Is.EqualTo((new CommitSummary(0, 0, 1), new CommitSummary(0, 0, 1))));
        Assert.That(await HistoryAsync("A"), Has.Count.EqualTo(2));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task History_and_lineage_name_the_source_of_each_value()
    {
        await FeedAsync("supplier", Some.Record("A", ("price", "12"), ("name", "Tee")));
        await FeedAsync("erp", Some.Record("A", ("price", "10")));

        var history = await HistoryAsync("A");
        var changes = VersionDiff.Changes(history[0], history[1]);
        var product = (await Store.FindProductAsync("A", Token))!;
        var origins = VersionDiff.ReadLineage(product.Lineage);

        Assert.That(changes.Select(c => (c.Attribute, c.Old, c.New, c.Origin?.Source)), Is.EqualTo(new[] { ("price", "12", "10", "erp") }));
        Assert.That(product.Record.Values.Select((v, i) => (v.Attribute, origins[i]?.Source)), Is.EqualTo(new[] { ("name", "supplier"), ("price", "erp") }));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_source_withdraws_its_own_value_by_no_longer_sending_it()
    {
        await FeedAsync("supplier", Some.Record("A", ("name", "Tee"), ("color", "black")));
        await FeedAsync("erp", Some.Record("A", ("price", "10")));
        await FeedAsync("supplier", Some.Record("A", ("name", "Tee")));

        var record = (await ChannelAsync("partner")).Single();

        Assert.That(record.Values.Select(v => v.Attribute), Is.EquivalentTo(new[] { "name", "price" }));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_run_that_checks_no_channel_keeps_the_blocking_of_the_others()
    {
        var supplier = Some.Record("A", ("name", "Tee"));
        supplier.Notes = new ProductNotes(["partner"], [new Issue(Severity.Error, "required", "price is required") { Channel = "partner" }]);
        await FeedAsync("supplier", supplier, blocked: ["partner"]);
        var erp = Some.Record("A", ("stock", "3"));
        erp.Notes = new ProductNotes([], []);
        await FeedAsync("erp", erp);

        Assert.That(await ChannelAsync("partner"), Is.Empty);
        Assert.That((await Store.FindProductAsync("A", Token))!.Record.Notes.Issues.Select(i => i.Rule), Is.EqualTo(new[] { "required" }));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_full_feed_takes_its_values_off_a_product_another_source_still_carries_and_removes_the_rest()
    {
        await FeedAsync("supplier", Some.Record("A", ("name", "Tee"), ("price", "12")));
        await FeedAsync("supplier", Some.Record("B", ("name", "Polo")));
        await FeedAsync("supplier", Some.Record("C", ("name", "Cap")));
        await FeedAsync("erp", Some.Record("A", ("stock", "3")));

        var summary = await FeedAsync("supplier", Some.Record("C", ("name", "Cap")), full: true);

        Assert.That(summary, Is.EqualTo(new CommitSummary(0, 1, 1) { Removed = 1 }));
        var channel = await ChannelAsync("partner");
        Assert.That(channel.Select(r => (r.Sku, string.Join(',', r.Values.Select(v => v.Attribute)))), Is.EqualTo(new[] { ("A", "stock"), ("C", "name") }));
        Assert.That((await HistoryAsync("B")).Last().Removed, Is.True);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_source_sending_its_record_again_after_another_source_wrote_is_merged_again()
    {
        // stock: "erp" is ranked, "supplier" and "pim" are not: between those two the latest run wins.
        await FeedAsync("supplier", Some.Record("A", ("name", "Tee"), ("stock", "9")));
        await FeedAsync("pim", Some.Record("A", ("stock", "5")));
        await FeedAsync("supplier", Some.Record("A", ("name", "Tee"), ("stock", "9")));
        await FeedAsync("pim", Some.Record("A", ("stock", "5")));

        var again = await FeedAsync("supplier", Some.Record("A", ("name", "Tee"), ("stock", "9")));

        Assert.That(again, Is.EqualTo(new CommitSummary(0, 1, 0)));
        Assert.That(Data((await Store.FindProductAsync("A", Token))!.Record, "stock"), Is.EqualTo("9"));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_source_sending_its_merged_record_again_under_a_new_merge_key_is_merged_again()
    {
        await FeedAsync("erp", Some.Record("A", ("stock", "3")));
        await FeedAsync("supplier", Some.Record("A", ("name", "Tee"), ("stock", "9")));
        var supplierFirst = new SourcesDefinition { Precedence = new Dictionary<string, IReadOnlyList<string>> { ["stock"] = ["supplier", "erp"] } };

        var sameKey = await FeedAsync("supplier", Some.Record("A", ("name", "Tee"), ("stock", "9")));
        var stockBefore = Data((await Store.FindProductAsync("A", Token))!.Record, "stock");
        var newKey = await FeedAsync("supplier", Some.Record("A", ("name", "Tee"), ("stock", "9")), sources: supplierFirst, mergeKey: "precedence changed");

        Assert.That((sameKey, stockBefore), Is.EqualTo((new CommitSummary(0, 0, 1), "3")));
        Assert.That(newKey, Is.EqualTo(new CommitSummary(0, 1, 0)));
        Assert.That(Data((await Store.FindProductAsync("A", Token))!.Record, "stock"), Is.EqualTo("9"));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_source_sending_a_changed_record_is_merged_whatever_it_sent_before()
    {
        await FeedAsync("supplier", Some.Record("A", ("name", "Tee")));
        await FeedAsync("erp", Some.Record("A", ("stock", "3")));
        await FeedAsync("erp", Some.Record("A", ("stock", "3")));

        var changed = await FeedAsync("erp", Some.Record("A", ("stock", "4")));
        var blocked = await FeedAsync("erp", Some.Record("A", ("stock", "4")), blocked: ["partner"]);

        Assert.That((changed, blocked), Is.EqualTo((new CommitSummary(0, 1, 0), new CommitSummary(0, 0, 1))));
        var product = (await Store.FindProductAsync("A", Token))!;
        Assert.That((Data(product.Record, "name"), Data(product.Record, "stock"), product.BlockedChannels.Single()), Is.EqualTo(("Tee", "4", "partner")));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_source_that_now_gives_enabled_is_merged_again()
    {
        var supplier = Some.Record("A", ("name", "Tee"));
        supplier.Enabled = false;
        await FeedAsync("supplier", supplier);
        await FeedAsync("erp", Some.Record("A", ("stock", "3")));
        var enabling = Some.Record("A", ("stock", "3"));
        enabling.Enabled = true;

        var summary = await FeedAsync("erp", enabling);

        Assert.That(summary, Is.EqualTo(new CommitSummary(0, 1, 0)));
        Assert.That((await Store.FindProductAsync("A", Token))!.Record.Enabled, Is.True);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_source_that_withdrew_from_a_product_and_sends_the_same_record_again_is_merged_again()
    {
        await FeedAsync("supplier", Some.Record("A", ("name", "Tee")));
        await FeedAsync("erp", Some.Record("A", ("stock", "3")));
        await FeedAsync("erp", Some.Record("B", ("stock", "1")), full: true);

        var back = await FeedAsync("erp", Some.Record("A", ("stock", "3")));

        Assert.That(back, Is.EqualTo(new CommitSummary(0, 1, 0)));
        var product = (await Store.FindProductAsync("A", Token))!.Record;
        Assert.That((Data(product, "name"), Data(product, "stock")), Is.EqualTo(("Tee", "3")));
    }

    private async Task<CommitSummary> FeedAsync(
        string source, ProductRecord record, string[]? blocked = null, bool full = false, SourcesDefinition? sources = null, string mergeKey = "the catalog")
    {
        var options = new SessionOptions { Sources = sources ?? ErpPrices, Full = full, MaxRemovedShare = null, MergeKey = mergeKey };
        await using var session = await Store.BeginAsync(Run(pipeline: source), options, Token);
        await session.UpsertAsync(record, blocked ?? [], Token);
        return await session.CommitAsync(Token);
    }

    private static string? Data(ProductRecord record, string attribute) => record.Values.FirstOrDefault(v => v.Attribute == attribute)?.Data;
}
