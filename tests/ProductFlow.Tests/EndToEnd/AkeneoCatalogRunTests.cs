using System.Text.Json;
using ProductFlow.Model;
using ProductFlow.Running;
using ProductFlow.Store;
using ProductFlow.Store.Sqlite;
using ProductFlow.Tests.Connectors.Akeneo;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.EndToEnd;

/// <summary>A real Akeneo catalog end to end: structure, product models, then products, into the store and out to the channels.</summary>
public class AkeneoCatalogRunTests
{
    [Test]
    public async Task Models_then_products_import_with_no_rejection_and_variants_carry_their_models_values_with_lineage()
    {
        using var dir = new TempDirectory();
        var pipeline = AkeneoCatalogData.Load(await AkeneoCatalogData.WritePipelineAsync(dir));
        var data = dir.Combine("data");

        var models = await Runs.RunAsync(pipeline, data, input: AkeneoCatalogData.Models);
        var products = await Runs.RunAsync(pipeline, data, input: AkeneoCatalogData.Products);

        Assert.That((models.Run.Counts.Read, models.Run.Counts.Accepted, models.Run.Counts.Rejected), Is.EqualTo((4, 4, 0)), Describe(models));
        Assert.That((products.Run.Counts.Read, products.Run.Counts.Accepted, products.Run.Counts.Rejected), Is.EqualTo((9, 9, 0)), Describe(products));
        Assert.That(products.Issues.Where(i => i.Severity == Severity.Error), Is.Empty, Describe(products));

        await using var store = SqliteProductStore.Open(data);
        var blueM = (await store.FindProductAsync("JKT-BLUE-M"))!;
        var values = Values(blueM);
        Assert.That(values[("name", "en_US")], Is.EqualTo(("Rain jacket", "product_models.csv", (long?)3, "name-en_US", "inherit")), "from the root model's row");
        Assert.That(values[("color", null)], Is.EqualTo(("blue", "product_models.csv", (long?)2, "color", "inherit")), "from the sub-model's row");
        Assert.That(values[("picture", null)].Data, Is.EqualTo("files/JKT/picture/blue.jpg"));
        Assert.That(values[("material", null)].Data, Is.EqualTo("nylon"));
        Assert.That(values[("size", null)], Is.EqualTo(("m", "products.csv", (long?)2, "size", (string?)null)), "its own value");
        Assert.That(blueM.Record.Categories, Is.EqualTo(new[] { "outerwear" }));
        Assert.That(blueM.Record.Associations.Select(a => (a.Type, a.Code)), Is.EqualTo(new[] { ("X_SELL", "BAG-1") }), "the root model's associations");
        Assert.That(Values((await store.FindProductAsync("JKT-BLUE-L"))!)[("name", "en_US")].Data, Is.EqualTo("Rain jacket (tall)"), "a variant's own value wins");

        var tee = Values((await store.FindProductAsync("TEE-S"))!);
        Assert.That((tee[("weight", null)].Data, tee.ContainsKey(("color", null))), Is.EqualTo(("0.18", false)), "the second family variant varies by size alone");
        var scarf = (await store.FindProductAsync("SCARF"))!.Record;
        Assert.That((scarf.Parent, scarf.Groups.Single()), Is.EqualTo(((string?)null, "promo")), "a simple product in a family with family variants");
        var gift = (await store.FindProductAsync("GIFT-SET"))!.Record;
        Assert.That(
            gift.Associations.Select(a => (a.Type, a.Target, a.Code, a.Quantity)),
            Is.EqualTo(new (string, AssociationTarget, string, int?)[]
            {
                ("PACK", AssociationTarget.Product, "BAG-1", 1), ("PACK", AssociationTarget.Product, "TEE-S", 2),
                ("UPSELL", AssociationTarget.Group, "promo", null), ("X_SELL", AssociationTarget.Product, "JKT-BLUE-M", null),
            }));
    }

    [Test]
    public async Task The_web_channel_shows_inherited_values_media_urls_and_associations()
    {
        using var dir = new TempDirectory();
        var pipeline = AkeneoCatalogData.Load(await AkeneoCatalogData.WritePipelineAsync(dir));
        var data = dir.Combine("data");
        await Runs.RunAsync(pipeline, data, input: AkeneoCatalogData.Models);
        await Runs.RunAsync(pipeline, data, input: AkeneoCatalogData.Products);

        var lines = File.ReadAllLines(PublishedExports.Current(data, "web", "web.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var partner = File.ReadAllText(PublishedExports.Current(data, "partner", "partner.csv"));

        var blue = lines.Single(l => l.TryGetProperty("productGroupID", out var id) && id.GetString() == "JKT-BLUE");
        var variant = blue.GetProperty("hasVariant").EnumerateArray().First(v => v.GetProperty("sku").GetString() == "JKT-BLUE-M");
        Assert.That(variant.GetProperty("image").GetString(), Is.EqualTo("https://media.example.com/akeneo/files/JKT/picture/blue.jpg"));
        Assert.That(variant.GetProperty("isRelatedTo")[0].GetProperty("sku").GetString(), Is.EqualTo("BAG-1"));
        var red = lines.Single(l => l.TryGetProperty("productGroupID", out var id) && id.GetString() == "JKT-RED");
        Assert.That(red.GetProperty("name").GetString(), Is.EqualTo("Rain jacket"), "inherited from the root model");
        Assert.That(red.GetProperty("hasVariant")[0].GetProperty("image").GetString(), Is.EqualTo("https://media.example.com/akeneo/8/a/0/f/8a0f5e2b_red%20photo.jpg"));
        var gift = lines.Single(l => l.TryGetProperty("sku", out var sku) && sku.GetString() == "GIFT-SET");
        Assert.That(gift.GetProperty("associations").GetProperty("PACK").GetProperty("products").GetRawText(), Is.EqualTo("""[{"code":"BAG-1","quantity":1},{"code":"TEE-S","quantity":2}]"""));
        Assert.That(partner, Does.Contain("JKT-RED-L;Rain jacket;red;94.9"), "the partner channel sees the inherited name and colour");
    }

    [Test]
    public async Task A_model_changed_by_a_later_run_reaches_its_stored_variants_and_their_channels()
    {
        using var dir = new TempDirectory();
        var pipeline = AkeneoCatalogData.Load(await AkeneoCatalogData.WritePipelineAsync(dir));
        var data = dir.Combine("data");
        await Runs.RunAsync(pipeline, data, input: AkeneoCatalogData.Models);
        await Runs.RunAsync(pipeline, data, input: AkeneoCatalogData.Products);

        // Akeneo exports a changed model without its variants: the root's name changes, and a sub-model's picture.
        var changed = dir.File("changed_models.csv", File.ReadAllText(AkeneoCatalogData.Models)
            .Replace(";Rain jacket;", ";Storm jacket;", StringComparison.Ordinal).Replace("files/JKT/picture/blue.jpg", "files/JKT/picture/blue-2.jpg", StringComparison.Ordinal));
        var report = await Runs.RunAsync(pipeline, data, input: changed);

        Assert.That(report.Run.Counts.Changed, Is.EqualTo(2 + 4), "two models, and the four variants under the changed root");
        await using (var store = SqliteProductStore.Open(data))
        {
            var blueM = Values((await store.FindProductAsync("JKT-BLUE-M"))!);
            Assert.That(blueM[("name", "en_US")], Is.EqualTo(("Storm jacket", "changed_models.csv", (long?)3, "name-en_US", "inherit")));
            Assert.That(blueM[("picture", null)].Data, Is.EqualTo("files/JKT/picture/blue-2.jpg"));
            Assert.That(Values((await store.FindProductAsync("JKT-RED-L"))!)[("name", "en_US")].Data, Is.EqualTo("Storm jacket"), "under a sub-model of the changed root");
            Assert.That(Values((await store.FindProductAsync("JKT-BLUE-L"))!)[("name", "en_US")].Data, Is.EqualTo("Rain jacket (tall)"), "its own value stays");
            Assert.That((await store.FindProductAsync("TEE-S"))!.Version, Is.EqualTo(1), "a variant of an unchanged model is left alone");
        }

        var partner = File.ReadAllText(PublishedExports.Current(data, "partner", "partner.csv"));
        Assert.That(partner, Does.Contain("JKT-RED-L;Storm jacket;red;94.9"));
        var history = CliProcess.Run(dir.Path, "history", "JKT", "--model", "--data", data);
        Assert.That(history.ExitCode, Is.Zero, history.ToString());
        Assert.That(history.Stdout, Does.Contain("name [en_US]: Rain jacket -> Storm jacket  (akeneo: changed_models.csv:3 name-en_US)"));
    }

    [Test]
    public async Task A_feed_of_product_models_alone_removes_no_product_in_a_full_run()
    {
        using var dir = new TempDirectory();
        var pipeline = AkeneoCatalogData.Load(await AkeneoCatalogData.WritePipelineAsync(dir, mode: "full"));
        var data = dir.Combine("data");
        await Runs.RunAsync(pipeline, data, input: AkeneoCatalogData.Models);
        await Runs.RunAsync(pipeline, data, input: AkeneoCatalogData.Products);

        var again = await Runs.RunAsync(pipeline, data, input: AkeneoCatalogData.Models);

        Assert.That((again.Run.Status, again.Run.Counts.Removed), Is.EqualTo((RunStatus.Completed, 0L)), Describe(again));
        await using var store = SqliteProductStore.Open(data);
        Assert.That((await store.FindProductAsync("TEE-S"))!.Removed, Is.False);
    }

    [Test]
    public async Task Models_may_come_in_the_same_feed_as_their_variants_in_any_order()
    {
        using var dir = new TempDirectory();
        var pipeline = AkeneoCatalogData.Load(await AkeneoCatalogData.WritePipelineAsync(dir));
        var apart = dir.Combine("apart");
        await Runs.RunAsync(pipeline, apart, input: AkeneoCatalogData.Models);
        await Runs.RunAsync(pipeline, apart, input: AkeneoCatalogData.Products);

        // One export with both: product rows first, the models (a sub-model before its root) after them.
        var combined = dir.File("combined.csv", Combine(File.ReadAllLines(AkeneoCatalogData.Products), File.ReadAllLines(AkeneoCatalogData.Models)));
        // Held rows and held models bounded to almost nothing: both go through their scratch files.
        var services = RunServices.Embedded(dir.Combine("together")) with { MaxHeldRows = 2, MaxHeldModels = 1 };
        var together = await new PipelineRunner(services).RunAsync(pipeline, RunRequest.For(pipeline) with { Input = combined });

        Assert.That((together.Run.Counts.Read, together.Run.Counts.Rejected), Is.EqualTo((13, 0)), Describe(together));
        await using var a = SqliteProductStore.Open(apart);
        await using var b = SqliteProductStore.Open(dir.Combine("together"));
        foreach (var sku in new[] { "JKT-BLUE-M", "JKT-RED-L", "TEE-S", "SCARF", "GIFT-SET" })
        {
            Assert.That(Content((await b.FindProductAsync(sku))!), Is.EqualTo(Content((await a.FindProductAsync(sku))!)), sku);
        }

        Assert.That((await b.FindModelAsync("JKT-BLUE"))!.Record.Parent, Is.EqualTo("JKT"));
    }

    /// <summary>Two <c>;</c>-separated exports as one: the union of their columns, the first file's rows, then the second's.</summary>
    private static string Combine(string[] first, string[] second)
    {
        var a = first[0].Split(';');
        var b = second[0].Split(';');
        var columns = a.Concat(b.Where(c => !a.Contains(c))).ToList();
        IEnumerable<string> Rows(string[] lines, string[] header) => lines.Skip(1).Select(line =>
        {
            var cells = line.Split(';');
            return string.Join(';', columns.Select(c => Array.IndexOf(header, c) is var i and >= 0 ? cells[i] : ""));
        });

        return string.Join('\n', Rows(first, a).Concat(Rows(second, b)).Prepend(string.Join(';', columns))) + "\n";
    }

    /// <summary>A stored product's document and, per value, where it came from (column, rule): what two runs of differently named files compare.</summary>
    private static string Content(StoredProduct product)
    {
        var document = new ProductDocument();
        document.Write(product.Record);
        var origins = VersionDiff.ReadLineage(product.Lineage).Select(o => $"{o?.Column}/{o?.Rule}");
        return System.Text.Encoding.UTF8.GetString(document.Content.Span) + " " + string.Join(",", origins);
    }

    private static string Describe(ProductFlow.Reports.QualityReport report) =>
        string.Join("\n", report.Issues.Select(i => $"{i.Severity} {i.Rule} {i.Sku} line {i.Line}: {i.Message}"));

    /// <summary>A stored product's values by (attribute, locale), each with its data and origin (feed, line, column, rule).</summary>
    private static Dictionary<(string, string?), (string Data, string? Feed, long? Line, string? Column, string? Rule)> Values(StoredProduct product)
    {
        var origins = VersionDiff.ReadLineage(product.Lineage);
        return product.Record.Values.Select((v, i) => (v, o: origins[i]))
            .ToDictionary(p => (p.v.Attribute, p.v.Locale), p => (p.v.Data, p.o?.Feed, p.o?.Line, p.o?.Column, p.o?.Rule));
    }
}
