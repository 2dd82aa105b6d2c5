using System.Text.Json;
using ProductFlow.Catalog;
using ProductFlow.Channels;
using ProductFlow.Model;
using static ProductFlow.Tests.Channels.ChannelRecords;

namespace ProductFlow.Tests.Channels;

public class WebJsonWriterTests
{
    private static readonly Lazy<ProductFlow.JsonSchema.JsonSchema> Schema = new(() =>
        ProductFlow.JsonSchema.JsonSchema.FromFile(Support.TestPaths.InRepository("schemas", "channels", "web-product.schema.json"), new ProductFlow.JsonSchema.SchemaOptions { AssertFormat = true }));

    [Test]
    public async Task A_model_is_one_product_group_line_with_its_variants_nested()
    {
        var lines = Lines(await WriteAsync("web", [Variant("TS-1-NVY-M", "TS-1", "navy", "m"), Variant("TS-1-NVY-S", "TS-1", "navy", "s", stock: "0")]));

        Assert.That(lines, Has.Count.EqualTo(1));
        var group = lines[0];
        Assert.That(group.GetProperty("@context").GetString(), Is.EqualTo("https://schema.org"));
        Assert.That(group.GetProperty("@type").GetString(), Is.EqualTo("ProductGroup"));
        Assert.That(group.GetProperty("productGroupID").GetString(), Is.EqualTo("TS-1"));
        Assert.That(group.GetProperty("name").GetString(), Is.EqualTo("Classic Tee"), "model-level, in the channel's locale");
        Assert.That(group.GetProperty("brand").GetProperty("@type").GetString(), Is.EqualTo("Brand"));
        Assert.That(group.GetProperty("brand").GetProperty("name").GetString(), Is.EqualTo("Northwind Apparel"));
        Assert.That(group.GetProperty("variesBy").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "https://schema.org/color", "https://schema.org/size" }));
        var material = group.GetProperty("additionalProperty").EnumerateArray().Single();
        Assert.That((material.GetProperty("@type").GetString(), material.GetProperty("name").GetString(), material.GetProperty("value").GetString()), Is.EqualTo(("PropertyValue", "material", "100% cotton")));
        Assert.That(group.TryGetProperty("description", out _), Is.False, "the demo's description is a variant attribute");
        Assert.That(group.GetProperty("hasVariant").EnumerateArray().Select(v => v.GetProperty("sku").GetString()), Is.EqualTo(new[] { "TS-1-NVY-M", "TS-1-NVY-S" }));
    }

    [Test]
    public async Task A_variant_carries_its_own_values_offer_and_weight()
    {
        var lines = Lines(await WriteAsync("web", [Variant("TS-1-NVY-M", "TS-1", "navy", "m", price: "19.9", stock: "3"), Variant("TS-1-NVY-S", "TS-1", "navy", "s", stock: "0")]));

        var variants = lines[0].GetProperty("hasVariant").EnumerateArray().ToList();
        var first = variants[0];
        Assert.That(first.GetProperty("@type").GetString(), Is.EqualTo("Product"));
        Assert.That(first.GetProperty("name").GetString(), Is.EqualTo("Northwind Apparel Classic Tee – Navy"), "a variant's name is its title");
        Assert.That(first.GetProperty("description").GetString(), Is.EqualTo("Classic Tee in navy, size M."));
        Assert.That(first.GetProperty("gtin").GetString(), Is.EqualTo("4006381001007"));
        Assert.That(first.GetProperty("color").GetString(), Is.EqualTo("navy"));
        Assert.That(first.GetProperty("size").GetString(), Is.EqualTo("m"));
        Assert.That(first.GetProperty("image").GetString(), Is.EqualTo("https://cdn.example.com/products/ts-1/navy.jpg"));
        var weight = first.GetProperty("weight");
        Assert.That((weight.GetProperty("@type").GetString(), weight.GetProperty("value").GetDecimal(), weight.GetProperty("unitCode").GetString()), Is.EqualTo(("QuantitativeValue", 0.18m, "KGM")));
        var offer = first.GetProperty("offers");
        Assert.That(offer.GetProperty("@type").GetString(), Is.EqualTo("Offer"));
        Assert.That(offer.GetProperty("price").GetDecimal(), Is.EqualTo(19.9m));
        Assert.That(offer.GetProperty("priceCurrency").GetString(), Is.EqualTo("EUR"));
        Assert.That(offer.GetProperty("availability").GetString(), Is.EqualTo("https://schema.org/InStock"));
        Assert.That(variants[1].GetProperty("offers").GetProperty("availability").GetString(), Is.EqualTo("https://schema.org/OutOfStock"));
        Assert.That(first.TryGetProperty("brand", out _), Is.False, "model-level values sit on the group only");
        Assert.That(first.TryGetProperty("additionalProperty", out _), Is.False);
    }

    [Test]
    public async Task Associations_are_listed_as_schema_org_relations_and_whole_with_quantities()
    {
        var record = Variant("TS-1-NVY-M", "TS-1", "navy", "m");
        record.Associations =
        [
            new ProductAssociation("X_SELL", AssociationTarget.Product, "MUG-1"),
            new ProductAssociation("X_SELL", AssociationTarget.ProductModel, "HD-2"),
            new ProductAssociation("UPSELL", AssociationTarget.Product, "TS-9-NVY-M"),
            new ProductAssociation("PACK", AssociationTarget.Product, "SOCK-1") { Quantity = 3 },
            new ProductAssociation("PACK", AssociationTarget.Group, "bundle"),
        ];

        var line = Lines(await WriteAsync("web", [record]))[0];

        var variant = line.GetProperty("hasVariant")[0];
        Assert.That(variant.GetProperty("isRelatedTo").GetRawText(), Is.EqualTo("""[{"@type":"Product","sku":"MUG-1"},{"@type":"ProductGroup","productGroupID":"HD-2"}]"""));
        Assert.That(variant.GetProperty("isSimilarTo").GetRawText(), Is.EqualTo("""[{"@type":"Product","sku":"TS-9-NVY-M"}]"""));
        Assert.That(
            variant.GetProperty("associations").GetRawText(),
            Is.EqualTo("""{"PACK":{"products":[{"code":"SOCK-1","quantity":3}],"groups":["bundle"]},"UPSELL":{"products":[{"code":"TS-9-NVY-M"}]},"X_SELL":{"products":[{"code":"MUG-1"}],"productModels":[{"code":"HD-2"}]}}"""));
        Assert.That(Schema.Value.IsValid(line), Is.True, "the line satisfies schemas/channels/web-product.schema.json");
    }

    [Test]
    public async Task A_product_without_model_is_a_product_document_and_missing_values_are_left_out()
    {
        var lines = Lines(await WriteAsync("web", [Single("GIFT-1", ("name", "Gift card \"Deluxe\",\nred"), ("price", "25"))]));

        var product = lines.Single();
        Assert.That(product.GetProperty("@context").GetString(), Is.EqualTo("https://schema.org"));
        Assert.That(product.GetProperty("@type").GetString(), Is.EqualTo("Product"));
        Assert.That(product.GetProperty("sku").GetString(), Is.EqualTo("GIFT-1"));
        Assert.That(product.GetProperty("name").GetString(), Is.EqualTo("Gift card \"Deluxe\",\nred"));
        Assert.That(product.GetProperty("offers").TryGetProperty("availability", out _), Is.False, "no stock, no availability");
        Assert.That(product.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "@context", "@type", "sku", "name", "offers" }));
    }

    [Test]
    public async Task Each_group_is_one_line_in_the_order_given()
    {
        var text = Text(await WriteAsync("web", [Variant("A-1", "A", "red", "s"), Single("B"), Variant("C-1", "C", "red", "s"), Variant("C-2", "C", "red", "m")]));

        var lines = text.Split('\n');
        Assert.That(lines, Has.Length.EqualTo(4), "three lines, each ended by a line feed");
        Assert.That(lines[^1], Is.Empty);
        Assert.That(lines[..3].Select(l => JsonDocument.Parse(l).RootElement.TryGetProperty("productGroupID", out var id) ? id.GetString() : "product"), Is.EqualTo(new[] { "A", "product", "C" }));
    }

    [Test]
    public async Task Each_model_is_written_by_its_own_familys_levels_whatever_models_came_before()
    {
        var other = Variant("X-1", "X", "red", "s");
        other.Family = "no_such_family"; // no family variant: no axes, every attribute on the group
        var lines = Lines(await WriteAsync("web", [Variant("A-1", "A", "navy", "m"), other, Variant("C-1", "C", "red", "s")]));

        Assert.That(lines.Select(l => l.GetProperty("variesBy").GetArrayLength()), Is.EqualTo(new[] { 2, 0, 2 }));
        Assert.That(lines.Select(l => l.TryGetProperty("description", out _)), Is.EqualTo(new[] { false, true, false }), "description is a variant attribute of tshirts only");
        Assert.That(lines[1].GetProperty("description").GetString(), Is.EqualTo("Classic Tee in red, size S."));
    }

    [Test]
    public async Task Mapped_and_additional_properties_follow_the_channel_map_at_each_level_group_after_group()
    {
        // What each level writes is worked out once per family: models, a product without a model and a family without a variant in a row.
        var channel = new ChannelDefinition
        {
            Code = "site", Kind = "web-json", Locale = "en_US", Currency = "EUR",
            Web = new WebOptions { Attributes = new Dictionary<string, string> { ["gtin"] = "", ["brand"] = "material" } },
        };
        var other = Variant("X-1", "X", "red", "s");
        other.Family = "no_such_family";
        var solo = Single("SOLO-1", ("gtin", "123"), ("brand", "Solo brand"), ("material", "wool"));
        solo.Values.Add(new ProductValue("weight", null, null, "2", ValueOrigin.FromRule("test")) { Unit = "st" }); // no UN/CEFACT code known

        var lines = Lines(await WriteAsync(channel, [Variant("A-1", "A", "navy", "m"), Variant("A-2", "A", "navy", "s"), solo, other]));

        Assert.That(lines, Has.Count.EqualTo(3));
        Assert.That(lines.Select(l => l.GetProperty("brand").GetProperty("name").GetString()), Is.EqualTo(new[] { "100% cotton", "wool", "100% cotton" }));
        Assert.That(lines.Select(Additional), Is.EqualTo(new[] { "brand=Northwind Apparel", "brand=Solo brand gtin=123", "brand=Northwind Apparel gtin=4006381001007" }));
        Assert.That(lines[0].GetProperty("hasVariant").EnumerateArray().Select(Additional), Is.EqualTo(new[] { "gtin=4006381001007", "gtin=4006381001007" }));
        Assert.That(lines[2].GetProperty("hasVariant").EnumerateArray().Select(Additional), Is.EqualTo(new[] { "" }));
        Assert.That(lines.Select(l => l.TryGetProperty("gtin", out _)), Is.All.False);
        Assert.That(lines[1].GetProperty("weight").GetRawText(), Is.EqualTo("""{"@type":"QuantitativeValue","value":2,"unitText":"st"}"""));

        static string Additional(JsonElement product) => product.TryGetProperty("additionalProperty", out var properties)
            ? string.Join(' ', properties.EnumerateArray().Select(p => $"{p.GetProperty("name").GetString()}={p.GetProperty("value").GetString()}"))
            : "";
    }

    [Test]
    public async Task A_delta_writes_one_tombstone_per_model_that_left_and_one_per_product_without_model()
    {
        var lines = Lines(await WriteAsync("web", [Variant("A-1", "A", "red", "s")], ExportMode.Delta, ("B-1", "B"), ("B-2", "B"), ("GIFT-1", null)));

        Assert.That(lines.Select(l => l.GetRawText()), Is.EqualTo(new[]
        {
            lines[0].GetRawText(),
            """{"@type":"ProductGroup","productGroupID":"B","removed":true}""",
            """{"@type":"Product","sku":"GIFT-1","removed":true}""",
        }));
        Assert.That(lines.Select(l => Schema.Value.IsValid(l)), Is.All.True);
    }

    [Test]
    public void A_full_export_has_no_removals()
    {
        var writer = ChannelWriters.Create(Channel("web"), ChannelRecords.Catalog, new MemoryStream());

        Assert.Throws<InvalidOperationException>(() => writer.WriteRemoval("A-1", "A"));
    }

    [Test]
    public async Task Every_document_of_the_demo_feed_satisfies_the_web_product_schema()
    {
        var demo = await DemoAsync();
        var lines = Lines(await WriteAsync("web", demo));

        Assert.That(lines, Has.Count.EqualTo(demo.Select(r => r.Parent ?? r.Sku).Distinct().Count()));
        foreach (var line in lines)
        {
            var result = Schema.Value.Validate(line);
            Assert.That(result.IsValid, Is.True, () => line.GetProperty("productGroupID") + ": " + string.Join("; ", result.Errors.Select(e => e.InstanceLocation + " " + e.Message)));
        }
    }

    [Test]
    public void The_web_product_schema_rejects_a_variant_without_sku_and_an_unknown_property()
    {
        var withoutSku = JsonDocument.Parse("""{"@context":"https://schema.org","@type":"ProductGroup","productGroupID":"A","variesBy":[],"hasVariant":[{"@type":"Product"}]}""").RootElement;
        var unknown = JsonDocument.Parse("""{"@context":"https://schema.org","@type":"Product","sku":"A","colour":"red"}""").RootElement;

        Assert.That(Schema.Value.IsValid(withoutSku), Is.False);
        Assert.That(Schema.Value.IsValid(unknown), Is.False);
    }

    [Test]
    public async Task The_same_records_give_the_same_bytes()
    {
        var first = await WriteAsync("web", (await DemoAsync()).Take(40));
        var second = await WriteAsync("web", (await DemoAsync()).Take(40));

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public async Task Lines_are_the_bytes_the_writer_s_encoder_makes_of_the_strings()
    {
        // Names and constant values are encoded once, with the writer's encoder (letters of every script as they are, HTML escaped).
        var records = new[] { Variant("TS-1-NVY-M", "TS-<1>", "navy", "m", price: "19.9", stock: "3"), Variant("TS-1-NVY-S", "TS-<1>", "navy", "s", stock: "0"), Variant("TS-2-NVY-S", "TS-2", "navy", "s") };
        records[0].Associations = [new ProductAssociation("X_SELL", AssociationTarget.Product, "MUG-é")];

        var lines = Text(await WriteAsync("web", records)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        Assert.That(lines, Has.Length.EqualTo(2));
        foreach (var line in lines)
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(line);
            Assert.That(bytes, Is.EqualTo(ProductFlow.Tests.Json.WrittenJson.Rewritten(bytes, encoder)), line);
        }

        Assert.That(lines[0], Does.Contain("TS-\\u003C1\\u003E").And.Contain("MUG-é").And.Contain("\"priceCurrency\":\"EUR\""));
    }

    private static List<JsonElement> Lines(byte[] bytes) =>
        Text(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
}
