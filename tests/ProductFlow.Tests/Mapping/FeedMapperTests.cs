using ProductFlow.Connectors;
using ProductFlow.Mapping;
using ProductFlow.Model;
using ProductFlow.Pipelines;

namespace ProductFlow.Tests.Mapping;

public class FeedMapperTests
{
    private static readonly FeedHeader Header = new(["SKU", "Model", "Colour", "Cats", "Active", "Title"], ',');

    [Test]
    public void Columns_map_to_fields_and_scoped_values_with_their_origin()
    {
        var mapper = new FeedMapper(new MappingOptions
        {
            Sku = new ColumnMapping { Column = "sku" },
            Parent = new ColumnMapping { Column = "model" },
            Values = [new ColumnMapping { Column = "title", Attribute = "name", Locale = "en_US" }],
        });

        var mapped = mapper.Map(Row(7, "A-1", "A", "Black", "", "yes", "Tee"));

        Assert.That(mapped.Record.Sku, Is.EqualTo("A-1"));
        Assert.That(mapped.Record.Parent, Is.EqualTo("A"));
        var value = mapped.Record.Values.Single();
        Assert.That((value.Attribute, value.Locale, value.Data), Is.EqualTo(("name", "en_US", "Tee")));
        Assert.That(value.Origin, Is.EqualTo(ValueOrigin.FromCell("feed.csv", 7, "Title")));
    }

    [Test]
    public void An_empty_cell_is_no_value_unless_the_mapping_keeps_it()
    {
        var mapper = new FeedMapper(new MappingOptions
        {
            Sku = new ColumnMapping { Column = "sku" },
            Values =
            [
                new ColumnMapping { Column = "title", Attribute = "name" },
                new ColumnMapping { Column = "title", Attribute = "subtitle", OnEmpty = "keep" },
            ],
        });

        var mapped = mapper.Map(Row(2, "A-1", "", "", "", "", ""));

        Assert.That(mapped.Record.Values.Select(v => (v.Attribute, v.Data)), Is.EqualTo(new[] { ("subtitle", "") }));
    }

    [Test]
    public void Value_maps_match_case_insensitively_and_constants_carry_a_rule_origin()
    {
        var mapper = new FeedMapper(new MappingOptions
        {
            Sku = new ColumnMapping { Column = "sku" },
            Values =
            [
                new ColumnMapping { Column = "colour", Attribute = "color", Map = new Dictionary<string, string> { ["blk"] = "black" } },
                new ColumnMapping { Constant = "Acme", Attribute = "brand" },
            ],
        });

        var mapped = mapper.Map(Row(2, "A-1", "", " BLK ", "", "", ""));

        Assert.That(mapped.Record.Values.Select(v => v.Data), Is.EqualTo(new[] { "black", "Acme" }));
        Assert.That(mapped.Record.Values[1].Origin.Rule, Is.EqualTo(FeedMapper.ConstantOrigin));
    }

    [Test]
    public void Categories_split_and_enabled_reads_supplier_booleans()
    {
        var mapper = new FeedMapper(new MappingOptions
        {
            Sku = new ColumnMapping { Column = "sku" },
            Categories = new ColumnMapping { Column = "cats", Separator = "|" },
            Enabled = new ColumnMapping { Column = "active" },
        });

        var mapped = mapper.Map(Row(2, "A-1", "", "", "apparel| tees |", "No", ""));

        Assert.That(mapped.Record.Categories, Is.EqualTo(new[] { "apparel", "tees" }));
        Assert.That(mapped.Record.Enabled, Is.False);
        Assert.That(mapped.Issues, Is.Empty);
    }

    [Test]
    public void Rows_of_the_same_categories_share_one_list_and_others_get_their_own()
    {
        var mapper = new FeedMapper(new MappingOptions { Sku = new ColumnMapping { Column = "sku" }, Categories = new ColumnMapping { Column = "cats", Separator = "|" } });

        var first = mapper.Map(Row(2, "A-1", "", "", "apparel|tees", "", "")).Record;
        var same = mapper.Map(Row(3, "A-2", "", "", "apparel|tees", "", "")).Record;
        var other = mapper.Map(Row(4, "A-3", "", "", "apparel", "", "")).Record;
        var none = mapper.Map(Row(5, "A-4", "", "", "", "", "")).Record;

        Assert.That(same.Categories, Is.SameAs(first.Categories), "a record's list is set whole, never changed in place: records share it");
        Assert.That(first.Categories, Is.EqualTo(new[] { "apparel", "tees" }));
        Assert.That(other.Categories, Is.EqualTo(new[] { "apparel" }));
        Assert.That(none.Categories, Is.Empty);
    }

    [Test]
    public void The_mapper_of_a_pipeline_maps_with_its_source_culture()
    {
        var definition = new PipelineDefinition
        {
            Name = "t",
            Catalog = "c.json",
            Source = new SourceOptions { Culture = "tr-TR" },
            Mapping = new MappingOptions
            {
                Sku = new ColumnMapping { Column = "sku" },
                Values = [new ColumnMapping { Column = "model", Attribute = "name", Transform = [new TransformOptions { Kind = "upper" }] }],
            },
            Enrich = [new EnrichOptions { Kind = "template", Attribute = "title", Template = "{{ name }}" }, new EnrichOptions { Kind = "normalize" }],
        };

        var mapped = FeedMapper.For(definition).Map(Row(2, "A-1", "istanbul", "", "", "", ""));

        Assert.That(mapped.Record.Values.Single().Data, Is.EqualTo("İSTANBUL"));
        Assert.That(definition.Enrich.Select(e => e.ValuesAdded), Is.EqualTo(new[] { 1, 0 }), "a template adds a value, normalize changes values in place");
    }

    [Test]
    public void An_empty_sku_and_a_bad_boolean_are_issues_with_line_and_column()
    {
        var mapper = new FeedMapper(new MappingOptions
        {
            Sku = new ColumnMapping { Column = "sku" },
            Enabled = new ColumnMapping { Column = "active" },
        });

        var mapped = mapper.Map(Row(9, " ", "", "", "", "maybe", ""));

        Assert.That(mapped.Issues.Select(i => (i.Rule, i.Line, i.Column)), Is.EqualTo(new[]
        {
            (RuleIds.SkuMissing, (long?)9, (string?)"SKU"),
            (RuleIds.BooleanFormat, (long?)9, (string?)"Active"),
        }));
        Assert.That(mapped.IsRejected, Is.True);
    }

    private static SourceRow Row(long line, params string[] fields) => new("feed.csv", line, Header, fields);
}
