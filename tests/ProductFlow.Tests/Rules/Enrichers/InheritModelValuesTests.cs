using ProductFlow.Catalog;
using ProductFlow.Model;
using ProductFlow.Pipelines;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Rules.Enrichers;

/// <summary>Model-level values flow from a model's first row to its other variants, unless a variant has its own.</summary>
public class InheritModelValuesTests
{
    [Test]
    public void A_variant_without_a_model_level_value_inherits_the_first_rows_with_its_lineage()
    {
        var first = Variant("M1", "A", "black", brand: "Northwind", line: 2);
        var second = Variant("M1", "B", "white", brand: null, line: 3);

        var records = Apply(first, second);

        var brand = records[1].Record.Values.Single(v => v.Attribute == "brand");
        Assert.That((brand.Data, brand.Origin.Line, brand.Origin.Rule), Is.EqualTo(("Northwind", (long?)2, "inherit")));
        Assert.That(records[1].Issues, Is.Empty);
    }

    [Test]
    public void A_blank_value_gives_way_but_a_variants_own_value_wins_and_variant_level_values_are_not_inherited()
    {
        var first = Variant("M1", "A", "black", brand: "Northwind", price: "10");
        var blank = Variant("M1", "B", "white", brand: "  ", price: null);
        var own = Variant("M1", "C", "grey", brand: "Acme");

        var records = Apply(first, blank, own);

        Assert.That(records[1].Record.Values.Single(v => v.Attribute == "brand").Data, Is.EqualTo("Northwind"));
        Assert.That(records[1].Record.Values.Any(v => v.Attribute == "price"), Is.False, "price is a variant-level attribute");
        Assert.That(records[2].Record.Values.Single(v => v.Attribute == "brand").Data, Is.EqualTo("Acme"));
    }

    [Test]
    public void Values_do_not_flow_from_one_model_to_the_next()
    {
        var records = Apply(Variant("M1", "A", "black", brand: "Northwind"), Variant("M2", "B", "black", brand: null));

        Assert.That(records[1].Record.Values.Any(v => v.Attribute == "brand"), Is.False);
    }

    private static ProductRecord Variant(string parent, string sku, string color, string? brand = "Northwind", string? price = "10", long line = 2)
    {
        var record = new ProductRecord(sku) { Parent = parent, Family = "tshirts", Feed = "feed.csv", Line = line };
        record.Values.Add(Some.Value("color", color));
        if (brand is not null)
        {
            record.Values.Add(new ProductValue("brand", null, null, brand, ValueOrigin.FromCell("feed.csv", line, "brand")));
        }

        if (price is not null)
        {
            record.Values.Add(Some.Value("price", price));
        }

        return record;
    }

    private static List<ProductFlow.Mapping.MappedRecord> Apply(params ProductRecord[] records)
    {
        var pipeline = SomePipeline.With(new RulesOptions());
        var catalog = pipeline.Catalog;
        var withVariants = new ProductCatalog
        {
            Locales = catalog.Locales,
            Currencies = catalog.Currencies,
            Attributes = catalog.Attributes,
            Channels = catalog.Channels,
            Families = [new FamilyDefinition { Code = "tshirts", Attributes = ["brand", "price", "color"] }],
            FamilyVariants = [new FamilyVariantDefinition { Code = "v", Family = "tshirts", Levels = [new VariantLevel { Axes = ["color"], Attributes = ["price"] }] }],
        };
        return SomePipeline.Apply(pipeline with { Catalog = withVariants }, records);
    }
}
