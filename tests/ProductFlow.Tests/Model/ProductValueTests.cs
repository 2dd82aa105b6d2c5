using ProductFlow.Model;

namespace ProductFlow.Tests.Model;

public class ProductValueTests
{
    private static readonly ValueOrigin[] Origins =
    [
        ValueOrigin.FromCell("feed.csv", 12, "name_en"),
        ValueOrigin.FromCell("feed.csv", 12, "weight_g").ChangedBy("unit"),
        ValueOrigin.FromRule("template"),
        new ValueOrigin { Source = "erp", Feed = "erp.csv", Line = 3, Column = "price", Rule = "normalize" },
        new ValueOrigin(),
    ];

    [TestCaseSource(nameof(Origins))]
    public void Origin_gives_back_every_part_it_was_made_with(ValueOrigin origin)
    {
        var value = new ProductValue("name", "en_US", null, "Tee", origin);

        Assert.That(value.Origin, Is.EqualTo(origin));
        Assert.That(
            (value.OriginSource, value.OriginFeed, value.OriginLine, value.OriginColumn, value.OriginRule),
            Is.EqualTo((origin.Source, origin.Feed, origin.Line, origin.Column, origin.Rule)));
    }

    [Test]
    public void A_value_made_from_a_cell_is_the_value_made_with_that_cells_origin()
    {
        var fromCell = new ProductValue("name", "en_US", null, "Tee", "feed.csv", 7, "name_en", rule: null);
        var changed = new ProductValue("weight", null, null, "0.18", "feed.csv", 7, "weight_g", "unit");

        Assert.That(fromCell, Is.EqualTo(new ProductValue("name", "en_US", null, "Tee", ValueOrigin.FromCell("feed.csv", 7, "name_en"))));
        Assert.That(fromCell.GetHashCode(), Is.EqualTo(new ProductValue("name", "en_US", null, "Tee", ValueOrigin.FromCell("feed.csv", 7, "name_en")).GetHashCode()));
        Assert.That(changed.Origin, Is.EqualTo(ValueOrigin.FromCell("feed.csv", 7, "weight_g").ChangedBy("unit")));
    }

    [Test]
    public void Values_differing_only_in_a_part_of_their_origin_are_not_equal()
    {
        var value = new ProductValue("name", null, null, "Tee", ValueOrigin.FromCell("feed.csv", 7, "name_en"));

        Assert.That(value, Is.Not.EqualTo(value with { Origin = ValueOrigin.FromCell("feed.csv", 8, "name_en") }));
        Assert.That(value, Is.Not.EqualTo(value with { Origin = ValueOrigin.FromCell("other.csv", 7, "name_en") }));
        Assert.That(value, Is.Not.EqualTo(value.ChangedBy("normalize")));
        Assert.That(value, Is.Not.EqualTo(value.WithSource("erp")));
        Assert.That(value, Is.EqualTo(value with { Origin = ValueOrigin.FromCell("feed.csv", 7, "name_en") }));
    }

    [Test]
    public void ChangedBy_keeps_the_cell_and_the_source_and_names_the_rule()
    {
        var value = new ProductValue("name", null, null, " Tee ", ValueOrigin.FromCell("feed.csv", 7, "name_en") with { Source = "erp" });

        var changed = value.ChangedBy("normalize", "Tee");

        Assert.That(changed.Origin, Is.EqualTo(value.Origin.ChangedBy("normalize")));
        Assert.That(changed.Data, Is.EqualTo("Tee"));
        Assert.That(value.ChangedBy("lift").Origin, Is.EqualTo(value.Origin.ChangedBy("lift")));
        Assert.That(value.ChangedBy("lift").Data, Is.EqualTo(" Tee "));
        Assert.That(value.OriginRule, Is.Null, "the value changed is a copy");
    }

    [Test]
    public void ConvertedBy_sets_the_data_and_the_unit_and_names_the_rule_keeping_the_cell()
    {
        var value = new ProductValue("weight", null, null, "180", ValueOrigin.FromCell("feed.csv", 7, "weight")) { Unit = "g" };

        var converted = value.ConvertedBy("unit", "0.18", "kg");

        Assert.That((converted.Data, converted.Unit), Is.EqualTo(("0.18", "kg")));
        Assert.That(converted.Origin, Is.EqualTo(value.Origin.ChangedBy("unit")));
    }

    [Test]
    public void WithSource_sets_or_clears_only_the_source()
    {
        var value = new ProductValue("name", null, null, "Tee", ValueOrigin.FromCell("feed.csv", 7, "name_en"));

        Assert.That(value.WithSource("erp").Origin, Is.EqualTo(value.Origin with { Source = "erp" }));
        Assert.That(value.WithSource("erp").WithSource(null).Origin, Is.EqualTo(value.Origin));
    }

    [Test]
    public void A_value_needs_an_origin()
    {
        Assert.Throws<ArgumentNullException>(() => _ = new ProductValue("name", null, null, "Tee", null!));
    }
}
