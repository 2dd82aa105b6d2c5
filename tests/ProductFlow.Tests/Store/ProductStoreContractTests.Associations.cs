using ProductFlow.Model;
using ProductFlow.Store;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Store;

/// <summary>The contract for groups and associations: content of a product, stored and read back by every store.</summary>
public abstract partial class ProductStoreContractTests
{
    [Test]
    [CancelAfter(60_000)]
    public async Task Groups_and_associations_with_quantities_are_stored_read_back_and_are_content()
    {
        await UpsertAsync(Associated("A", ("PACK", AssociationTarget.Product, "B", 2), ("X_SELL", AssociationTarget.ProductModel, "M1", null)));
        var same = await UpsertAsync(Associated("A", ("X_SELL", AssociationTarget.ProductModel, "M1", null), ("PACK", AssociationTarget.Product, "B", 2)));
        var changed = await UpsertAsync(Associated("A", ("PACK", AssociationTarget.Product, "B", 3), ("X_SELL", AssociationTarget.ProductModel, "M1", null)));

        var found = (await Store.FindProductAsync("A", Token))!.Record;
        var published = (await ChannelAsync("partner")).Single();

        Assert.That(same, Is.EqualTo(new CommitSummary(0, 0, 1)), "the order of associations is not content");
        Assert.That(changed, Is.EqualTo(new CommitSummary(0, 1, 0)), "a quantity is");
        foreach (var record in new[] { found, published })
        {
            Assert.That(record.Groups, Is.EqualTo(new[] { "promo", "summer" }));
            Assert.That(
                record.Associations.Select(a => (a.Type, a.Target, a.Code, a.Quantity)),
                Is.EqualTo(new (string, AssociationTarget, string, int?)[] { ("PACK", AssociationTarget.Product, "B", 3), ("X_SELL", AssociationTarget.ProductModel, "M1", null) }));
        }
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_product_without_groups_or_associations_is_stored_as_before()
    {
        await UpsertAsync(Some.Record("A", ("price", "10")));

        var version = (await HistoryAsync("A")).Single();

        Assert.That(System.Text.Encoding.UTF8.GetString(version.Document), Does.Not.Contain("groups").And.Not.Contain("associations"));
    }

    private static ProductRecord Associated(string sku, params (string Type, AssociationTarget Target, string Code, int? Quantity)[] associations)
    {
        var record = Some.Record(sku, ("price", "10"));
        record.Groups = ["summer", "promo"];
        record.Associations = [.. associations.Select(a => new ProductAssociation(a.Type, a.Target, a.Code) { Quantity = a.Quantity })];

        return record;
    }
}
