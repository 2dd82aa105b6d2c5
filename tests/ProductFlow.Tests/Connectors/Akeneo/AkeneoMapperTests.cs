using ProductFlow.Catalog;
using ProductFlow.Connectors;
using ProductFlow.Connectors.Akeneo;
using ProductFlow.Mapping;
using ProductFlow.Mapping.Akeneo;
using ProductFlow.Model;
using ProductFlow.Pipelines;
using ProductFlow.Running;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Connectors.Akeneo;

public class AkeneoMapperTests
{
    [Test]
    public async Task Columns_map_to_values_with_their_locale_channel_and_currency_byte_for_byte()
    {
        var records = await MapAsync();
        var first = records[0].Record;

        Assert.That((first.Sku, first.Family, first.Parent, first.Enabled), Is.EqualTo(("JKT-1-BLK-M", "jackets", "JKT-1", true)));
        Assert.That(first.Categories, Is.EqualTo(new[] { "outdoor", "sale" }));
        Assert.That(
            first.Values.Select(v => (v.Attribute, v.Locale, v.Channel, v.Currency, v.Data)),
            Is.SupersetOf(new (string, string?, string?, string?, string)[]
            {
                ("name", "en_US", null, null, "Rain jacket"),
                ("name", "de_DE", null, null, "Regenjacke"),
                ("description", "en_US", "ecommerce", null, "Line one\\nLine two"),
                ("description", "en_US", "mobile", null, "Short"),
                ("price", null, null, "EUR", "129.90"),
                ("price", null, null, "USD", "149.00"),
                ("weight", null, null, null, "0.8"),
                ("tags", null, null, null, "new,sale"),
            }));
        Assert.That(first.Values.Single(v => v.Attribute == "price" && v.Currency == "USD").Origin.Column, Is.EqualTo("price-USD"));
        Assert.That(records[0].Issues, Is.Empty);
    }

    [Test]
    public async Task A_metric_unit_goes_with_its_value_and_an_unknown_column_is_a_warning()
    {
        var records = await MapAsync();

        Assert.That(
            records[1].Issues.Select(i => (i.Rule, i.Severity, i.Column)),
            Is.EquivalentTo(new[] { (RuleIds.AkeneoColumn, Severity.Warning, "unknown_col") }));
        Assert.That(records[1].Record.Values.Single(v => v.Attribute == "weight").Unit, Is.EqualTo("GRAM"), "the rules convert it to the catalog's KILOGRAM");
        Assert.That(records[1].Record.Enabled, Is.False);
    }

    [TestCase("name", "localizable")]
    [TestCase("name-fr_FR", "localizable")]
    [TestCase("description-en_US", "scopable")]
    [TestCase("price", "currencies")]
    [TestCase("price-GBP", "currencies")]
    [TestCase("weight-en_US", "is not a locale")]
    [TestCase("colour", "not an attribute")]
    public async Task A_column_that_names_no_scope_of_the_catalog_is_explained(string column, string reason)
    {
        using var dir = new TempDirectory();
        var catalog = CatalogLoader.Load(await AkeneoTestData.WriteCatalogAsync(dir));
        var row = new SourceRow("p.csv", 2, new FeedHeader(["sku", column], ';'), ["A", "x"]);

        var mapped = new AkeneoMapper(catalog).Map(row);

        Assert.That(mapped.Issues.Single().Message, Does.Contain(reason));
    }

    [Test]
    public async Task Groups_and_association_columns_become_the_records_groups_and_associations_with_quantities()
    {
        using var dir = new TempDirectory();
        var catalog = CatalogLoader.Load(await AkeneoTestData.WriteCatalogAsync(dir));
        var header = new FeedHeader(["sku", "groups", "X_SELL-products", "X_SELL-product_models", "UPSELL-groups", "PACK-products", "PACK-products-quantity", "PACK-product_models", "PACK-product_models-quantity"], ';');
        var row = new SourceRow("p.csv", 2, header, ["A", "promo,summer", "B,C", "M1", "g1", "D,E", "2|8", "", ""]);

        var mapped = new AkeneoMapper(catalog).Map(row);

        Assert.That(mapped.Issues, Is.Empty);
        Assert.That(mapped.Record.Groups, Is.EqualTo(new[] { "promo", "summer" }));
        Assert.That(
            mapped.Record.Associations.Select(a => (a.Type, a.Target, a.Code, a.Quantity)),
            Is.EqualTo(new (string, AssociationTarget, string, int?)[]
            {
                ("X_SELL", AssociationTarget.Product, "B", null), ("X_SELL", AssociationTarget.Product, "C", null), ("X_SELL", AssociationTarget.ProductModel, "M1", null),
                ("UPSELL", AssociationTarget.Group, "g1", null), ("PACK", AssociationTarget.Product, "D", 2), ("PACK", AssociationTarget.Product, "E", 8),
            }));
    }

    [TestCase("2")]
    [TestCase("2|0")]
    [TestCase("2|x")]
    public async Task Quantities_that_do_not_match_the_codes_are_an_error_naming_the_column(string quantities)
    {
        using var dir = new TempDirectory();
        var catalog = CatalogLoader.Load(await AkeneoTestData.WriteCatalogAsync(dir));
        var row = new SourceRow("p.csv", 2, new FeedHeader(["sku", "PACK-products", "PACK-products-quantity"], ';'), ["A", "D,E", quantities]);

        var issue = new AkeneoMapper(catalog).Map(row).Issues.Single();

        Assert.That((issue.Rule, issue.Severity, issue.Column, issue.Value), Is.EqualTo((RuleIds.AssociationQuantity, Severity.Error, "PACK-products-quantity", quantities)));
    }

    [Test]
    public async Task An_akeneo_pipeline_needs_no_mapping_and_reports_case_only_sku_collisions()
    {
        using var dir = new TempDirectory();
        var catalog = await AkeneoTestData.WriteCatalogAsync(dir);
        var pipeline = dir.File("p.json", $$"""
            { "name": "akeneo", "catalog": "{{catalog.Replace("\\", "/", StringComparison.Ordinal)}}", "source": { "format": "akeneo-csv" }, "rules": { "required": ["name"] } }
            """);

        await Runs.RunAsync(PipelineLoader.Load(pipeline), dir.Combine("data"), input: AkeneoTestData.Models);
        var report = await Runs.RunAsync(PipelineLoader.Load(pipeline), dir.Combine("data"), input: AkeneoTestData.Products);

        Assert.That((report.Run.Counts.Read, report.Run.Counts.Accepted, report.Run.Counts.Rejected), Is.EqualTo((3, 2, 1)), string.Join("\n", report.Issues));
        Assert.That(report.IssuesByRule, Is.EquivalentTo(new Dictionary<string, int>
        {
            [RuleIds.AkeneoColumn] = 1, [RuleIds.SkuCase] = 1,
            [RuleIds.VariantModelValue] = 1, // row 2 lacks model-level values row 1 has (a warning)
            [RuleIds.VariantAxisDuplicate] = 1, // jkt-1-blk-m is black/m of JKT-1 again: rejected
        }));
        Assert.That(report.Issues.Single(i => i.Rule == RuleIds.SkuCase).Line, Is.EqualTo(4));
    }

    [Test]
    public async Task A_csv_pipeline_without_a_mapping_is_a_definition_error()
    {
        using var dir = new TempDirectory();
        var catalog = await AkeneoTestData.WriteCatalogAsync(dir);
        var pipeline = dir.File("p.json", $$"""{ "name": "p", "catalog": "{{catalog.Replace("\\", "/", StringComparison.Ordinal)}}", "source": { "format": "csv" } }""");

        var error = Assert.Throws<PipelineDefinitionException>(() => PipelineLoader.Load(pipeline));

        Assert.That(error!.Message, Does.Contain("$.mapping"));
    }

    private static async Task<List<MappedRecord>> MapAsync()
    {
        using var dir = new TempDirectory();
        var mapper = new AkeneoMapper(CatalogLoader.Load(await AkeneoTestData.WriteCatalogAsync(dir)));
        var rows = await new AkeneoCsvFeedReader().ReadAllAsync(new FeedSource(AkeneoTestData.Products) { RequiredColumns = mapper.RequiredColumns });
        return rows.Select(mapper.Map).ToList();
    }
}
