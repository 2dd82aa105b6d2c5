using ProductFlow.Catalog;
using ProductFlow.Model;
using ProductFlow.Pipelines;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Rules;

/// <summary>Variant rules on a two-level family variant: colour, then size.</summary>
public class VariantRuleTests
{
    [Test]
    public void Variants_with_all_axes_and_the_same_model_values_pass()
    {
        var records = Apply(Variant("M1", "A", "black", "s"), Variant("M1", "B", "black", "m"), Variant("M1", "C", "white", "s"));

        Assert.That(records.SelectMany(r => r.Issues), Is.Empty);
    }

    [Test]
    public void A_variant_without_an_axis_value_is_rejected_naming_the_axis()
    {
        var records = Apply(Variant("M1", "A", "black", size: null));

        var issue = records[0].Issues.Single();
        Assert.That((issue.Rule, issue.Field), Is.EqualTo((RuleIds.VariantAxisMissing, "size_code")));
        Assert.That(records[0].IsRejected, Is.True);
    }

    [Test]
    public void Two_variants_of_one_model_with_the_same_axes_are_not_both_accepted()
    {
        var records = Apply(Variant("M1", "A", "black", "s"), Variant("M1", "B", "black", "s"), Variant("M2", "C", "black", "s"));

        Assert.That(records.Select(r => string.Join(",", r.Issues.Select(i => i.Rule))), Is.EqualTo(new[] { "", RuleIds.VariantAxisDuplicate, "" }));
        Assert.That(records[1].Issues[0].Message, Does.Contain("black/s"));
    }

    [Test]
    public void Model_level_values_must_agree_across_variants_while_variant_level_ones_may_differ()
    {
        var first = Variant("M1", "A", "black", "s", brand: "Northwind", price: "10");
        var cheaper = Variant("M1", "B", "black", "m", brand: "Northwind", price: "9");
        var otherBrand = Variant("M1", "C", "white", "s", brand: "Acme", price: "10");

        var records = Apply(first, cheaper, otherBrand);

        Assert.That(records[1].Issues, Is.Empty, "price is a size-level attribute");
        Assert.That(records[2].Issues.Single().Rule, Is.EqualTo(RuleIds.VariantModelValue));
        Assert.That(records[2].Issues.Single().Message, Does.Contain("line 2"));
    }

    [Test]
    public void A_model_whose_rows_are_not_together_gets_a_warning()
    {
        var records = Apply(Variant("M1", "A", "black", "s"), Variant("M2", "B", "black", "s"), Variant("M1", "C", "white", "s"));

        var issue = records[2].Issues.Single();
        Assert.That((issue.Rule, issue.Severity), Is.EqualTo((RuleIds.VariantUngrouped, Severity.Warning)));
    }

    [Test]
    public void Each_group_of_a_model_whose_rows_are_not_together_is_checked_on_its_own()
    {
        var records = Apply(
            Variant("M1", "A", "black", "s", brand: "Northwind"),
            Variant("M2", "B", "black", "s", brand: "Acme"),
            Variant("M1", "C", "black", "s", brand: "Acme"),
            Variant("M1", "D", "black", "s", brand: "Northwind"));

        Assert.That(
            records.Select(r => string.Join(",", r.Issues.Select(i => i.Rule))),
            Is.EqualTo(new[] { "", "", RuleIds.VariantUngrouped, $"{RuleIds.VariantAxisDuplicate}" }),
            "the second group's variants are compared with each other, its first variant's values with no earlier group's");
    }

    [Test]
    public void A_model_of_thousands_of_variants_keeps_every_combination_and_the_next_model_starts_afresh()
    {
        var sizes = Enumerable.Range(0, 1500).Select(i => $"s{i}").ToList();
        var big = sizes.Select((size, i) => Variant("M1", $"A{i}", "black", size));
        var records = Apply([
            .. big,
            Variant("M1", "A-again", "black", "s7"),
            Variant("M2", "B1", "black", "s7", brand: "Acme"),
            Variant("M2", "B2", "black", "s1499", brand: "Acme"),
            Variant("M2", "B3", "black", "s7", brand: "Acme"),
        ]);

        Assert.That(records.Take(1500).SelectMany(r => r.Issues), Is.Empty);
        Assert.That(
            records.Skip(1500).Select(r => string.Join(",", r.Issues.Select(i => i.Rule))),
            Is.EqualTo(new[] { RuleIds.VariantAxisDuplicate, "", "", RuleIds.VariantAxisDuplicate }));
        Assert.That(records[^1].Issues[0].Message, Does.Contain("'M2'").And.Contain("black/s7"));
    }

    [Test]
    public void A_record_of_a_family_with_variants_and_no_parent_is_a_simple_product()
    {
        // Akeneo lets a family with family variants hold simple products too: only a record with a parent is a variant.
        var simple = Variant(null, "A", color: null, size: null);

        var record = Apply(simple, Variant("M1", "B", "black", "s"), Variant("M1", "C", "black", "m")).First();

        Assert.That(record.Issues, Is.Empty);
        Assert.That(record.IsRejected, Is.False);
    }

    [Test]
    public void A_product_of_a_family_without_variants_needs_no_parent()
    {
        var simple = Variant(null, "A", color: null, size: null);
        simple.Family = "mugs";

        Assert.That(Apply(simple).Single().Issues, Is.Empty);
    }

    [Test]
    public void A_family_variant_with_an_attribute_at_two_levels_is_refused_by_the_catalog_loader()
    {
        using var dir = new TempDirectory();
        var path = dir.File("catalog.json", """
            {
              "locales": ["en_US"],
              "attributes": [ { "code": "color", "type": "text" }, { "code": "size", "type": "text" } ],
              "families": [ { "code": "tshirts", "attributes": ["color", "size"] } ],
              "familyVariants": [ { "code": "v", "family": "tshirts", "levels": [ { "axes": ["color"], "attributes": ["size"] }, { "axes": ["size"] } ] } ]
            }
            """);

        var error = Assert.Throws<PipelineDefinitionException>(() => CatalogLoader.Load(path));

        Assert.That(error!.Problems.Single().JsonPath, Is.EqualTo("$.familyVariants[0].levels"));
        Assert.That(error.Problems.Single().Message, Does.Contain("'size' is at more than one level"));
    }

    internal static ProductRecord Variant(string? parent, string sku, string? color, string? size, string brand = "Northwind", string price = "10")
    {
        var record = new ProductRecord(sku) { Parent = parent, Family = "tshirts", Feed = "feed.csv", Line = 2 + sku[0] - 'A' };
        record.Values.Add(Some.Value("brand", brand));
        record.Values.Add(Some.Value("price", price));
        if (color is not null)
        {
            record.Values.Add(Some.Value("color", color));
        }

        if (size is not null)
        {
            record.Values.Add(Some.Value("tags", "new"));
            record.Values.Add(Some.Value("size_code", size));
        }

        return record;
    }

    private static List<ProductFlow.Mapping.MappedRecord> Apply(params ProductRecord[] records) =>
        SomePipeline.Apply(Pipeline(new RulesOptions()), records);

    /// <summary>The test pipeline on a catalog whose tshirts vary by colour, then size (price and tags at the size level).</summary>
    internal static LoadedPipeline Pipeline(RulesOptions rules, FeedMode mode = FeedMode.Partial)
    {
        var pipeline = SomePipeline.With(rules);
        pipeline.Definition.Mode = mode;
        var catalog = pipeline.Catalog;
        var withVariants = new ProductCatalog
        {
            Locales = catalog.Locales,
            Currencies = catalog.Currencies,
            Attributes = [.. catalog.Attributes, new AttributeDefinition { Code = "size_code", Type = AttributeType.Text }],
            Channels = catalog.Channels,
            Families = [new FamilyDefinition { Code = "tshirts", Attributes = ["brand", "price", "color", "size_code", "tags"] }],
            FamilyVariants =
            [
                new FamilyVariantDefinition
                {
                    Code = "tshirts_color_size",
                    Family = "tshirts",
                    Levels = [new VariantLevel { Axes = ["color"] }, new VariantLevel { Axes = ["size_code"], Attributes = ["price", "tags"] }],
                },
            ],
        };
        return pipeline with { Catalog = withVariants };
    }
}
