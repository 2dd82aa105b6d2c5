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

    // The two ways a value holds its origin: a cell's parts beside its feed's shared origin, or a whole origin object.
    private static readonly bool[] HeldAsCell = [true, false];

    [TestCaseSource(nameof(Origins))]
    public void Origin_gives_back_every_part_it_was_made_with(ValueOrigin origin)
    {
        var value = new ProductValue("name", "en_US", null, "Tee", origin);

        Assert.That(value.Origin, Is.EqualTo(origin));
        Assert.That(Parts(value), Is.EqualTo((origin.Source, origin.Feed, origin.Line, origin.Column, origin.Rule)));
    }

    [Test]
    public void A_value_held_as_a_cell_is_the_value_made_with_that_cells_origin()
    {
        var cell = Cell("name", "Tee", 7, "name_en");
        var whole = new ProductValue("name", null, null, "Tee", ValueOrigin.FromCell("feed.csv", 7, "name_en"));

        Assert.That(cell.Origin, Is.EqualTo(ValueOrigin.FromCell("feed.csv", 7, "name_en")));
        Assert.That(Parts(cell), Is.EqualTo(((string?)null, "feed.csv", (long?)7, "name_en", (string?)null)));
        Assert.That(cell, Is.EqualTo(whole));
        Assert.That(whole, Is.EqualTo(cell));
        Assert.That(cell.GetHashCode(), Is.EqualTo(whole.GetHashCode()));
    }

    [TestCaseSource(nameof(HeldAsCell))]
    public void Values_differing_only_in_a_part_of_their_origin_are_not_equal(bool heldAsCell)
    {
        var value = heldAsCell ? Cell("name", "Tee", 7, "name_en") : new ProductValue("name", null, null, "Tee", ValueOrigin.FromCell("feed.csv", 7, "name_en"));

        Assert.That(value, Is.Not.EqualTo(value with { Origin = ValueOrigin.FromCell("feed.csv", 8, "name_en") }));
        Assert.That(value, Is.Not.EqualTo(value with { Origin = ValueOrigin.FromCell("other.csv", 7, "name_en") }));
        Assert.That(value, Is.Not.EqualTo(value with { Origin = ValueOrigin.FromCell("feed.csv", 7, "name_de") }));
        Assert.That(value, Is.Not.EqualTo(value.ChangedBy("normalize")));
        Assert.That(value, Is.Not.EqualTo(value.WithSource("erp")));
        Assert.That(value, Is.Not.EqualTo(value with { Data = "Top" }));
        Assert.That(value, Is.EqualTo(value with { Origin = ValueOrigin.FromCell("feed.csv", 7, "name_en") }));
    }

    [TestCaseSource(nameof(HeldAsCell))]
    public void ChangedBy_keeps_the_cell_and_names_the_rule(bool heldAsCell)
    {
        var value = heldAsCell ? Cell("name", " Tee ", 7, "name_en") : new ProductValue("name", null, null, " Tee ", ValueOrigin.FromCell("feed.csv", 7, "name_en"));

        var changed = value.ChangedBy("normalize", "Tee");

        Assert.That(changed.Origin, Is.EqualTo(ValueOrigin.FromCell("feed.csv", 7, "name_en").ChangedBy("normalize")));
        Assert.That(changed.Data, Is.EqualTo("Tee"));
        Assert.That(value.ChangedBy("lift").Origin, Is.EqualTo(ValueOrigin.FromCell("feed.csv", 7, "name_en").ChangedBy("lift")));
        Assert.That(value.ChangedBy("lift").Data, Is.EqualTo(" Tee "));
        Assert.That(value.OriginRule, Is.Null, "the value changed is a copy");
    }

    [TestCaseSource(nameof(HeldAsCell))]
    public void ConvertedBy_sets_the_data_and_the_unit_and_names_the_rule_keeping_the_cell(bool heldAsCell)
    {
        var value = (heldAsCell ? Cell("weight", "180", 7, "weight") : new ProductValue("weight", null, null, "180", ValueOrigin.FromCell("feed.csv", 7, "weight"))) with { Unit = "g" };

        var converted = value.ConvertedBy("unit", "0.18", "kg");

        Assert.That((converted.Data, converted.Unit), Is.EqualTo(("0.18", "kg")));
        Assert.That(converted.Origin, Is.EqualTo(ValueOrigin.FromCell("feed.csv", 7, "weight").ChangedBy("unit")));
    }

    [TestCaseSource(nameof(HeldAsCell))]
    public void WithSource_sets_or_clears_only_the_source(bool heldAsCell)
    {
        var value = heldAsCell ? Cell("name", "Tee", 7, "name_en") : new ProductValue("name", null, null, "Tee", ValueOrigin.FromCell("feed.csv", 7, "name_en"));

        Assert.That(value.WithSource("erp").Origin, Is.EqualTo(ValueOrigin.FromCell("feed.csv", 7, "name_en") with { Source = "erp" }));
        Assert.That(value.WithSource("erp").OriginSource, Is.EqualTo("erp"));
        Assert.That(value.WithSource("erp").WithSource(null), Is.EqualTo(value));
    }

    [Test]
    public void Setting_the_origin_of_a_value_held_as_a_cell_replaces_all_of_it()
    {
        var value = Cell("name", "Tee", 7, "name_en") with { Origin = ValueOrigin.FromRule("template") };

        Assert.That(value.Origin, Is.EqualTo(ValueOrigin.FromRule("template")));
        Assert.That(Parts(value), Is.EqualTo(((string?)null, (string?)null, (long?)null, (string?)null, "template")));
    }

    [Test]
    public void The_values_of_a_feeds_cells_share_its_origin_row_after_row()
    {
        var feed = ValueOrigin.OfFeed("feed.csv");

        Assert.That(ValueOrigin.OfFeed(new string("feed.csv".AsSpan())), Is.SameAs(feed));
        Assert.That(feed, Is.EqualTo(new ValueOrigin { Feed = "feed.csv" }));
        Assert.That(ValueOrigin.OfFeed("other.csv").Feed, Is.EqualTo("other.csv"));
    }

    [Test]
    public void A_value_needs_an_origin()
    {
        Assert.Throws<ArgumentNullException>(() => _ = new ProductValue("name", null, null, "Tee", null!));
        Assert.Throws<ArgumentNullException>(() => _ = Cell("name", "Tee", 7, "name_en") with { Origin = null! });
    }

    [Test]
    public void Setting_a_name_gives_the_value_the_slot_of_the_new_names()
    {
        var value = new ProductValue("price", null, null, "12.5", ValueOrigin.FromRule("test")) { Currency = "EUR" };

        Assert.That(value.Slot, Is.SameAs(ValueSlot.Of("price", null, null, "EUR")));
        var localised = value with { Locale = "de_DE", Channel = "web" };
        Assert.That(localised.Slot, Is.SameAs(ValueSlot.Of("price", "de_DE", "web", "EUR")));
        Assert.That((localised.Attribute, localised.Locale, localised.Channel, localised.Currency, localised.Data), Is.EqualTo(("price", "de_DE", "web", "EUR", "12.5")));
        Assert.That((value with { Attribute = "cost" }).Slot, Is.SameAs(ValueSlot.Of("cost", null, null, "EUR")));
        Assert.That(value.Slot, Is.SameAs(ValueSlot.Of("price", null, null, "EUR")));
    }

    [Test]
    public void Values_of_a_shared_and_an_unshared_slot_of_the_same_names_are_equal()
    {
        var origin = ValueOrigin.FromRule("test");
        var shared = new ProductValue(ValueSlot.Of("name", "en_US", null, null), "Tee", origin);
        var unshared = new ProductValue(ValueSlot.Unshared("name", "en_US", null, null), "Tee", origin);

        Assert.That(unshared, Is.EqualTo(shared));
        Assert.That(unshared.GetHashCode(), Is.EqualTo(shared.GetHashCode()));
        Assert.That(new ProductValue(ValueSlot.Unshared("name", "de_DE", null, null), "Tee", origin), Is.Not.EqualTo(shared));
    }

    private static ProductValue Cell(string attribute, string data, long line, string column) =>
        new(ValueSlot.Of(attribute, null, null, null), data, ValueOrigin.OfFeed("feed.csv"), line, column);

    private static (string?, string?, long?, string?, string?) Parts(ProductValue value) =>
        (value.OriginSource, value.OriginFeed, value.OriginLine, value.OriginColumn, value.OriginRule);
}
