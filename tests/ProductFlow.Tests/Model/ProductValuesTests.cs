using ProductFlow.Model;

namespace ProductFlow.Tests.Model;

public class ProductValuesTests
{
    [Test]
    public void A_value_set_in_place_replaces_its_cell_and_counts_as_a_change()
    {
        var values = Values(("name", "Tee"), ("color", "navy"), ("size", "m"));
        var version = values.Version;

        values.Set(1, values.Cells[1].ChangedBy("normalize", "Navy"));

        Assert.That(values.Select(v => v.Data), Is.EqualTo(new[] { "Tee", "Navy", "m" }));
        Assert.That(values[1].OriginRule, Is.EqualTo("normalize"));
        Assert.That(values.Version, Is.GreaterThan(version));
    }

    [Test]
    public void The_list_and_its_cells_hold_the_same_values_in_the_same_order()
    {
        var values = Values(("name", "Tee"), ("color", "navy"));
        values.Insert(1, new ProductValue("brand", null, null, "Northwind", ValueOrigin.FromRule("default")));
        values.RemoveAt(0);
        values.Add(new ProductValue("size", null, null, "m", ValueOrigin.FromRule("default")));

        Assert.That(values.Cells.ToArray().Select(c => c.ToValue()), Is.EqualTo(values.ToList()));
        Assert.That(values.Select(v => v.Attribute), Is.EqualTo(new[] { "brand", "color", "size" }));
        Assert.That(values.IndexOf(values[1]), Is.EqualTo(1));
        Assert.That(values.Remove(values[1]), Is.True);
        Assert.That(values.Select(v => v.Attribute), Is.EqualTo(new[] { "brand", "size" }));
    }

    [Test]
    public void RemoveAll_keeps_the_other_values_in_their_order()
    {
        var values = Values(("a", "1"), ("b", ""), ("c", "3"), ("d", ""));

        values.RemoveAll(cell => cell.Data.Length == 0);

        Assert.That(values.Select(v => v.Attribute), Is.EqualTo(new[] { "a", "c" }));
        Assert.That(values.Cells.Length, Is.EqualTo(2));
    }

    [Test]
    public void An_empty_cell_is_refused()
    {
        var values = Values(("name", "Tee"));

        Assert.Throws<ArgumentException>(() => values.Add(default(ValueCell)));
        Assert.Throws<ArgumentException>(() => values.Set(0, default));
        Assert.Throws<ArgumentOutOfRangeException>(() => values.Set(1, values.Cells[0]));
        Assert.That(values.Count, Is.EqualTo(1));
    }

    [Test]
    public void Changing_the_values_while_enumerating_them_is_an_error()
    {
        var values = Values(("name", "Tee"), ("color", "navy"));

        Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var value in values)
            {
                values.Add(value with { Attribute = "copy" });
            }
        });
    }

    [Test]
    public void The_empty_cell_reads_as_no_value()
    {
        var empty = default(ValueCell);

        Assert.That(empty.IsEmpty, Is.True);
        Assert.That((empty.Attribute, empty.Locale, empty.Channel, empty.Currency, empty.Data, empty.Unit), Is.EqualTo(((string?)null, (string?)null, (string?)null, (string?)null, (string?)null, (string?)null)));
        Assert.That((empty.OriginSource, empty.OriginFeed, empty.OriginLine, empty.OriginColumn, empty.OriginRule), Is.EqualTo(((string?)null, (string?)null, (long?)null, (string?)null, (string?)null)));
        Assert.Throws<ArgumentException>(() => empty.ToValue());
    }

    [Test]
    public void A_cell_changed_by_a_rule_keeps_its_column_and_line_and_shares_its_feeds_origin_with_the_rule()
    {
        var feed = ValueOrigin.OfFeed("feed.csv");
        var weight = new ValueCell(ValueSlot.Of("weight", null, null, null), "200", "g", feed, 7, "weight_g");
        var height = new ValueCell(ValueSlot.Of("height", null, null, null), "30", "cm", feed, 8, "height_cm");

        var converted = weight.ConvertedBy("unit", "0.2", "kg");
        var normalized = height.ChangedBy("unit");

        Assert.That(converted.Origin, Is.EqualTo(new ValueOrigin { Feed = "feed.csv", Line = 7, Column = "weight_g", Rule = "unit" }));
        Assert.That((converted.Data, converted.Unit), Is.EqualTo(("0.2", "kg")));
        Assert.That(normalized.Origin, Is.EqualTo(new ValueOrigin { Feed = "feed.csv", Line = 8, Column = "height_cm", Rule = "unit" }));
        Assert.That(converted.ToValue(), Is.EqualTo(new ProductValue("weight", null, null, "0.2", converted.Origin) { Unit = "kg" }));

        // Changed by another rule, the value names that rule alone, as ValueOrigin.ChangedBy does.
        Assert.That(converted.ChangedBy("normalize").Origin, Is.EqualTo(new ValueOrigin { Feed = "feed.csv", Line = 7, Column = "weight_g", Rule = "normalize" }));
    }

    [Test]
    public void A_feeds_origin_changed_by_the_same_rule_is_one_object()
    {
        var feed = ValueOrigin.OfFeed("feed.csv");

        var first = feed.SharedWithRule("unit");
        var again = feed.SharedWithRule("unit");

        Assert.That(again, Is.SameAs(first));
        Assert.That(feed.SharedWithRule("unit"), Is.EqualTo(feed.ChangedBy("unit")));
        Assert.That(feed.SharedWithRule("normalize").Rule, Is.EqualTo("normalize"));
    }

    private static readonly ValueCell[] Kinds =
    [
        new(ValueSlot.Of("weight", null, null, null), "200", "g", ValueOrigin.FromRule("template")),
        new(ValueSlot.Of("weight", null, null, null), "200", "g", new ValueOrigin { Source = "erp", Feed = "erp.csv", Line = 3, Column = "w", Rule = "normalize" }),
        new(ValueSlot.Of("weight", null, null, null), "200", "g", new ValueOrigin()),
        new(ValueSlot.Of("weight", null, null, null), "200", "g", new ColumnOrigin("weight_g").Of(ValueOrigin.OfFeed("feed.csv")), 12),
        new(ValueSlot.Of("weight", null, null, null), "200", "g", new ColumnOrigin("weight_g").Of(ValueOrigin.OfFeed("feed.csv")), 0),
    ];

    [TestCaseSource(nameof(Kinds))]
    public void Changing_a_values_data_unit_or_names_keeps_its_origin_whole_or_held_as_a_cell(ValueCell cell)
    {
        var origin = cell.Origin;

        Assert.That(cell.WithData("0.2").Origin, Is.EqualTo(origin));
        Assert.That(cell.WithUnit("kg").Origin, Is.EqualTo(origin));
        Assert.That((cell.ToValue() with { Attribute = "mass" }).Origin, Is.EqualTo(origin));
        Assert.That(cell.ChangedBy("unit").Origin, Is.EqualTo(origin with { Rule = "unit" }));
        Assert.That(cell.WithData("0.2").ChangedBy("unit").WithUnit("kg").Origin, Is.EqualTo(origin with { Rule = "unit" }));
    }

    [TestCaseSource(nameof(Kinds))]
    public void Every_change_to_a_value_keeps_its_data_and_unit_unless_it_changes_them(ValueCell cell)
    {
        // A value's data and unit are held together when it has a unit: each change keeps both, or changes the one it names.
        var unitless = cell.WithUnit(null);
        var renamed = cell.In(ValueSlot.Of("mass", null, null, null));

        Assert.That((cell.Data, cell.Unit), Is.EqualTo(("200", "g")));
        Assert.That((unitless.Data, unitless.Unit), Is.EqualTo(("200", (string?)null)));
        Assert.That((renamed.Attribute, renamed.Data, renamed.Unit), Is.EqualTo(("mass", "200", "g")));
        Assert.That((cell.WithData("0.2").Data, cell.WithData("0.2").Unit), Is.EqualTo(("0.2", "g")));
        Assert.That((unitless.WithData("0.2").Data, unitless.WithData("0.2").Unit), Is.EqualTo(("0.2", (string?)null)));
        Assert.That((unitless.WithUnit("kg").Data, unitless.WithUnit("kg").Unit), Is.EqualTo(("200", "kg")));
        Assert.That((cell.ChangedBy("unit").Data, cell.ChangedBy("unit").Unit), Is.EqualTo(("200", "g")));
        Assert.That((unitless.ChangedBy("unit").Data, unitless.ChangedBy("unit").Unit), Is.EqualTo(("200", (string?)null)));
        Assert.That((cell.ChangedBy("unit", "0.2").Data, cell.ChangedBy("unit", "0.2").Unit), Is.EqualTo(("0.2", "g")));
        Assert.That((unitless.ConvertedBy("unit", "0.2", "kg").Data, unitless.ConvertedBy("unit", "0.2", "kg").Unit), Is.EqualTo(("0.2", "kg")));
        Assert.That((cell.WithOrigin(ValueOrigin.FromRule("x")).Data, cell.WithOrigin(ValueOrigin.FromRule("x")).Unit), Is.EqualTo(("200", "g")));
        Assert.That((cell.WithSource("erp").Data, cell.WithSource("erp").Unit), Is.EqualTo(("200", "g")));
        Assert.That((cell.ToValue().Data, cell.ToValue().Unit), Is.EqualTo(("200", "g")));
        Assert.That(cell, Is.Not.EqualTo(unitless), "the unit is part of the value");
        Assert.That(unitless.WithUnit("g"), Is.EqualTo(cell));
    }

    [Test]
    public void A_cell_read_at_line_0_keeps_that_line()
    {
        var cell = new ValueCell(ValueSlot.Of("name", null, null, null), "Tee", null, new ColumnOrigin("name").Of(ValueOrigin.OfFeed("feed.csv")), 0);

        Assert.That(cell.Origin, Is.EqualTo(ValueOrigin.FromCell("feed.csv", 0, "name")));
    }

    private static ProductValues Values(params (string Attribute, string Data)[] values)
    {
        var list = new ProductRecord("S-1").Values;
        foreach (var (attribute, data) in values)
        {
            list.Add(new ProductValue(attribute, null, null, data, ValueOrigin.FromRule("test")));
        }

        return list;
    }
}
