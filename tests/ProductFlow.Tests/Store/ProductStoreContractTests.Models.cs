using ProductFlow.Model;
using ProductFlow.Store;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Store;

/// <summary>The contract for product models: records of their own, with versions and lineage, apart from the products.</summary>
public abstract partial class ProductStoreContractTests
{
    [Test]
    [CancelAfter(60_000)]
    public async Task A_product_model_is_stored_with_versions_and_lineage_and_only_a_content_change_makes_a_version()
    {
        var first = await UpsertAsync(Model("JKT-1", ("name", "Rain jacket")));
        var same = await UpsertAsync(Model("JKT-1", ("name", "Rain jacket")));
        var changed = await UpsertAsync(Model("JKT-1", ("name", "Storm jacket")));

        var found = await Store.FindModelAsync("JKT-1", Token);
        var history = new List<StoredVersion>();
        await foreach (var version in Store.ReadModelHistoryAsync("JKT-1", Token))
        {
            history.Add(version);
        }

        Assert.That((first, same, changed), Is.EqualTo((new CommitSummary(1, 0, 0), new CommitSummary(0, 0, 1), new CommitSummary(0, 1, 0))));
        Assert.That(found, Is.Not.Null);
        Assert.That((found!.Version, found.Record.IsModel, found.Record.FamilyVariant, found.Record.Family), Is.EqualTo((2, true, "jackets_color_size", "jackets")));
        Assert.That(found.Record.Values.Single().Data, Is.EqualTo("Storm jacket"));
        Assert.That(System.Text.Encoding.UTF8.GetString(found.Lineage), Is.EqualTo("""{"feed":"product_models.csv","line":2,"source":"test","values":["name-en_US"]}"""));
        Assert.That(history.Select(v => (v.Version, ProductDocument.Read(v.Document).Values.Single().Data)), Is.EqualTo(new[] { (1, "Rain jacket"), (2, "Storm jacket") }));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Models_are_not_products_a_model_and_a_product_may_share_a_code_and_models_read_in_channel_order()
    {
        var sub = Model("JKT-1-BLUE", ("color", "blue"));
        sub.Parent = "JKT-1";
        await using (var session = await Store.BeginAsync(Run(), cancellationToken: Token))
        {
            await session.UpsertAsync(sub, [], Token);
            await session.UpsertAsync(Model("JKT-1", ("name", "Rain jacket")), [], Token);
            await session.UpsertAsync(Model("AA-9", ("name", "Another")), [], Token);
            await session.UpsertAsync(Some.Record("JKT-1", ("price", "10")), [], Token);
            await session.CommitAsync(Token);
        }

        var models = new List<ProductRecord>();
        await foreach (var model in Store.ReadModelsAsync(Token))
        {
            models.Add(model);
        }

        Assert.That((await ChannelAsync("partner")).Select(r => (r.Sku, r.IsModel)), Is.EqualTo(new[] { ("JKT-1", false) }), "models are never published as products");
        Assert.That((await Store.FindProductAsync("JKT-1", Token))!.Record.IsModel, Is.False);
        Assert.That((await Store.FindModelAsync("JKT-1", Token))!.Record.IsModel, Is.True);
        Assert.That(await Store.FindModelAsync("NOPE", Token), Is.Null);
        Assert.That(models.Select(m => (m.Sku, m.Parent)), Is.EqualTo(new (string, string?)[] { ("AA-9", null), ("JKT-1", null), ("JKT-1-BLUE", "JKT-1") }));
        var codes = new List<string>();
        await foreach (var code in Store.ReadModelCodesAsync(Token))
        {
            codes.Add(code);
        }

        Assert.That(codes, Is.EquivalentTo(new[] { "AA-9", "JKT-1", "JKT-1-BLUE" }), "the models' codes, not the product's");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_model_written_by_a_session_that_does_not_commit_is_not_kept()
    {
        await using (var session = await Store.BeginAsync(Run(), cancellationToken: Token))
        {
            await session.UpsertAsync(Model("JKT-1", ("name", "Rain jacket")), [], Token);
        }

        Assert.That(await Store.FindModelAsync("JKT-1", Token), Is.Null);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_model_is_found_while_a_session_writes_on_another_thread()
    {
        await UpsertAsync(Model("JKT-1", ("name", "Rain jacket")));
        await using var session = await Store.BeginAsync(Run(), cancellationToken: Token);
        await session.UpsertAsync(Model("JKT-1", ("name", "Storm jacket")), [], Token);
        await session.UpsertAsync(Some.Record("A", ("price", "1")), [], Token);

        var found = await Task.Run(() => Store.FindModelAsync("JKT-1", Token));

        Assert.That(found!.Record.Values.Single().Data, Is.EqualTo("Rain jacket"), "what is committed");
        await session.CommitAsync(Token);
        Assert.That((await Store.FindModelAsync("JKT-1", Token))!.Record.Values.Single().Data, Is.EqualTo("Storm jacket"));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task The_variants_of_some_models_are_read_with_their_lineage_while_a_session_writes()
    {
        foreach (var (sku, parent) in new[] { ("V-1", "M1"), ("V-2", "M2"), ("V-3", "M1"), ("M1", null), ("S-1", (string?)null) })
        {
            var record = Some.Record(sku, ("price", "1"));
            record.Parent = parent;
            await UpsertAsync(record);
        }

        await using var session = await Store.BeginAsync(Run(), cancellationToken: Token);
        await session.UpsertAsync(Some.Record("V-4", ("price", "1")), [], Token);

        var variants = new List<StoredProduct>();
        await foreach (var variant in Store.ReadVariantsAsync(["M1", "M9"], Token))
        {
            variants.Add(variant);
        }

        Assert.That(variants.Select(v => (v.Record.Sku, v.Record.Parent)), Is.EqualTo(new (string, string?)[] { ("V-1", "M1"), ("V-3", "M1") }));
        Assert.That(System.Text.Encoding.UTF8.GetString(variants[0].Lineage), Does.Contain("\"col\""));
    }

    private static ProductRecord Model(string code, params (string Attribute, string Data)[] values)
    {
        var model = new ProductRecord(code) { IsModel = true, FamilyVariant = "jackets_color_size", Family = "jackets", Feed = "product_models.csv", Line = 2 };
        foreach (var (attribute, data) in values)
        {
            model.Values.Add(new ProductValue(attribute, attribute == "name" ? "en_US" : null, null, data, ValueOrigin.FromCell("product_models.csv", 2, attribute == "name" ? "name-en_US" : attribute)));
        }

        return model;
    }
}
