using ProductFlow.Catalog;
using ProductFlow.Channels.Akeneo;
using ProductFlow.Running;
using ProductFlow.Store;
using ProductFlow.Store.Sqlite;
using ProductFlow.Tests.Connectors.Akeneo;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.EndToEnd;

/// <summary>The <c>akeneo-csv</c> channel writes Akeneo's own import format: read back with the <c>akeneo-csv</c> reader, it gives the same records.</summary>
public class AkeneoRoundTripTests
{
    private static readonly ChannelDefinition ProductsOut = new() { Code = "akeneo_products", Kind = AkeneoCsvWriter.Kind, Locale = "en_US" };

    private static readonly ChannelDefinition ModelsOut = new()
    {
        Code = "akeneo_models", Kind = AkeneoCsvWriter.Kind, Locale = "en_US", Akeneo = new AkeneoOptions { Entity = AkeneoOptions.ProductModels },
    };

    [Test]
    public async Task An_export_to_akeneo_read_back_with_the_akeneo_reader_gives_the_same_products_and_models()
    {
        using var dir = new TempDirectory();
        var pipeline = AkeneoCatalogData.Load(await AkeneoCatalogData.WritePipelineAsync(dir, "partial", ProductsOut, ModelsOut));
        var first = dir.Combine("first");
        await Runs.RunAsync(pipeline, first, input: AkeneoCatalogData.Models);
        await Runs.RunAsync(pipeline, first, input: AkeneoCatalogData.Products);
        var models = PublishedExports.Current(first, "akeneo_models", "akeneo_models.csv");
        var products = PublishedExports.Current(first, "akeneo_products", "akeneo_products.csv");

        var second = dir.Combine("second");
        var modelsBack = await Runs.RunAsync(pipeline, second, input: models);
        var productsBack = await Runs.RunAsync(pipeline, second, input: products);

        Assert.That((modelsBack.Run.Counts.Accepted, modelsBack.Run.Counts.Rejected), Is.EqualTo((4, 0)));
        Assert.That((productsBack.Run.Counts.Accepted, productsBack.Run.Counts.Rejected), Is.EqualTo((9, 0)));
        Assert.That(productsBack.Issues.Where(i => i.Severity == ProductFlow.Model.Severity.Error), Is.Empty);
        await using var a = SqliteProductStore.Open(first);
        await using var b = SqliteProductStore.Open(second);
        foreach (var sku in new[] { "JKT-BLUE-M", "JKT-BLUE-L", "JKT-RED-L", "JKT-RED-M", "TEE-S", "TEE-M", "SCARF", "BAG-1", "GIFT-SET" })
        {
            Assert.That(Content((await b.FindProductAsync(sku))!.Record), Is.EqualTo(Content((await a.FindProductAsync(sku))!.Record)), sku);
        }

        foreach (var code in new[] { "JKT", "JKT-BLUE", "JKT-RED", "TEE" })
        {
            Assert.That(Content((await b.FindModelAsync(code))!.Record), Is.EqualTo(Content((await a.FindModelAsync(code))!.Record)), code);
        }
    }

    [Test]
    public async Task The_export_is_akeneos_flat_format()
    {
        using var dir = new TempDirectory();
        var pipeline = AkeneoCatalogData.Load(await AkeneoCatalogData.WritePipelineAsync(dir, "partial", ProductsOut, ModelsOut));
        var data = dir.Combine("data");
        await Runs.RunAsync(pipeline, data, input: AkeneoCatalogData.Models);
        await Runs.RunAsync(pipeline, data, input: AkeneoCatalogData.Products);

        var models = File.ReadAllLines(PublishedExports.Current(data, "akeneo_models", "akeneo_models.csv"));
        var products = File.ReadAllLines(PublishedExports.Current(data, "akeneo_products", "akeneo_products.csv"));

        Assert.That(models[0], Does.StartWith("code;family_variant;parent;categories;"));
        Assert.That(models.Skip(1).Select(l => l.Split(';')[0]), Is.EqualTo(new[] { "JKT", "JKT-BLUE", "JKT-RED", "TEE" }), "a root model before its sub-models");
        var header = products[0].Split(';');
        Assert.That(header[..6], Is.EqualTo(AkeneoCells.ProductColumns));
        Assert.That(header, Does.Contain("name-de_DE").And.Contain("price-EUR").And.Contain("weight-unit").And.Contain("PACK-products-quantity").And.Contain("UPSELL-groups"));
        var gift = products.Single(l => l.StartsWith("GIFT-SET;", StringComparison.Ordinal)).Split(';');
        Assert.That(gift[Array.IndexOf(header, "PACK-products")], Is.EqualTo("BAG-1,TEE-S"));
        Assert.That(gift[Array.IndexOf(header, "PACK-products-quantity")], Is.EqualTo("1|2"));
        Assert.That(gift[Array.IndexOf(header, "enabled")], Is.EqualTo("1"));
        var scarf = products.Single(l => l.StartsWith("SCARF;", StringComparison.Ordinal)).Split(';');
        Assert.That(scarf[Array.IndexOf(header, "picture")], Is.EqualTo("files/SCARF/picture/scarf.jpg"), "media as the paths Akeneo knows");
    }

    private static string Content(ProductFlow.Model.ProductRecord record)
    {
        var document = new ProductDocument();
        document.Write(record);
        return System.Text.Encoding.UTF8.GetString(document.Content.Span);
    }
}
