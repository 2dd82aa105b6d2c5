using ProductFlow.Connectors;
using ProductFlow.Mapping;
using ProductFlow.Model;
using ProductFlow.Pipelines;

namespace ProductFlow.Tests.Mapping;

/// <summary>Transformations declared in the mapping: each changes the cell's text before it becomes a value, and the value's origin names it.</summary>
public class MappingTransformsTests
{
    private static readonly FeedHeader Header = new(["Varenummer", "Navn", "Farge", "Kategorier", "EAN", "Modell"], ';');

    [Test]
    public void Trim_replace_and_title_case_change_a_cell_and_its_origin_names_the_steps_that_changed_it()
    {
        var mapped = Map(
            Value("Navn", "name", Step("trim"), Step("replace", find: "Strikke genser", with: "Strikkegenser"), Step("replace", find: "(NY)", with: ""), Step("title"), Step("trim")),
            Row(4, "NK-1", "  STRIKKE GENSER FJORD  ", "", "", "", ""));

        var value = mapped.Record.Values.Single();
        Assert.That(value.Data, Is.EqualTo("Strikke Genser Fjord"), "a literal find is matched as written: case counts unless ignoreCase");
        Assert.That(value.Origin, Is.EqualTo(ValueOrigin.FromCell("feed.csv", 4, "Navn").ChangedBy("mapping.trim, mapping.title")));
    }

    [Test]
    public void A_literal_replace_may_ignore_case_and_matches_regex_characters_as_text()
    {
        var mapped = Map(
            Value("Navn", "name", Step("replace", find: "strikke genser", with: "Strikkegenser", ignoreCase: true), Step("replace", find: "(NY)", with: "", id: "drop-new")),
            Row(2, "NK-1", "STRIKKE GENSER Fjord (NY)", "", "", "", ""));

        var value = mapped.Record.Values.Single();
        Assert.That(value.Data, Is.EqualTo("Strikkegenser Fjord "));
        Assert.That(value.Origin.Rule, Is.EqualTo("mapping.replace, drop-new"), "a step's own id names it in the lineage");
    }

    [Test]
    public void A_regex_replace_rewrites_with_its_groups()
    {
        var mapped = Map(
            Value("EAN", "gtin", Step("replace", regex: @"^(\d{1,3}) ?(\d+)$", with: "$1$2")),
            Row(2, "NK-1", "", "", "", "700 0000001017", ""));

        Assert.That(mapped.Record.Values.Single().Data, Is.EqualTo("7000000001017"));
        Assert.That(mapped.Record.Values.Single().Origin.Rule, Is.EqualTo("mapping.replace"));
    }

    [Test]
    public void Split_and_join_rewrites_the_separators_and_an_index_keeps_one_part()
    {
        var mapping = new MappingOptions
        {
            Sku = new ColumnMapping { Column = "Varenummer" },
            Categories = new ColumnMapping { Column = "Kategorier", Transform = [Step("split", separator: ">", join: ",")] },
            Values =
            [
                new ColumnMapping { Column = "Farge", Attribute = "color", Transform = [Step("split", separator: "/", index: 0)] },
                new ColumnMapping { Column = "Farge", Attribute = "color2", Transform = [Step("split", separator: "/", index: -1)] },
                new ColumnMapping { Column = "Farge", Attribute = "colors", Transform = [Step("split", separator: "/", join: "|")] },
                new ColumnMapping { Column = "Farge", Attribute = "third", Transform = [Step("split", separator: "/", index: 2)] },
            ],
        };

        var mapped = new FeedMapper(mapping).Map(Row(2, "NK-1", "", "Svart / Hvit", "klær > gensere >", "", ""));

        Assert.That(mapped.Record.Categories, Is.EqualTo(new[] { "klær", "gensere" }));
        Assert.That(mapped.Record.Values.Select(v => (v.Attribute, v.Data)), Is.EqualTo(new[] { ("color", "Svart"), ("color2", "Hvit"), ("colors", "Svart|Hvit") }), "a part past the end is no value");
    }

    [Test]
    public void Upper_and_lower_case_are_invariant_unless_the_source_or_the_column_declares_a_culture()
    {
        var row = Row(2, "NK-1", "istanbul", "", "", "", "");
        ColumnMapping Upper(string? culture = null) => new() { Column = "Navn", Attribute = "name", Culture = culture, Transform = [Step("upper")] };

        var invariant = new FeedMapper(new MappingOptions { Sku = new ColumnMapping { Column = "Varenummer" }, Values = [Upper()] }).Map(row);
        var source = new FeedMapper(new MappingOptions { Sku = new ColumnMapping { Column = "Varenummer" }, Values = [Upper()] }, "tr-TR").Map(row);
        var column = new FeedMapper(new MappingOptions { Sku = new ColumnMapping { Column = "Varenummer" }, Values = [Upper("tr-TR")] }, "nb-NO").Map(row);

        Assert.That(invariant.Record.Values.Single().Data, Is.EqualTo("ISTANBUL"));
        Assert.That(source.Record.Values.Single().Data, Is.EqualTo("İSTANBUL"));
        Assert.That(column.Record.Values.Single().Data, Is.EqualTo("İSTANBUL"));
    }

    [Test]
    public void Prefix_and_suffix_add_text_and_lower_case_lowers()
    {
        var mapped = Map(
            Value("Farge", "name", Step("lower"), Step("prefix", value: "farge: "), Step("suffix", value: ".")),
            Row(2, "NK-1", "", "SVART", "", "", ""));

        Assert.That(mapped.Record.Values.Single().Data, Is.EqualTo("farge: svart."));
        Assert.That(mapped.Record.Values.Single().Origin.Rule, Is.EqualTo("mapping.lower, mapping.prefix, mapping.suffix"));
    }

    [Test]
    public void A_parent_is_derived_from_the_sku_by_a_pattern_and_a_sku_it_does_not_match_has_none()
    {
        var mapper = new FeedMapper(new MappingOptions
        {
            Sku = new ColumnMapping { Column = "Varenummer" },
            Parent = new ColumnMapping { Column = "Varenummer", Pattern = "^(.*)-[^-]+$" },
        });

        Assert.That(mapper.Map(Row(2, "TEE-01-BLK-S", "", "", "", "", "")).Record.Parent, Is.EqualTo("TEE-01-BLK"));
        Assert.That(mapper.Map(Row(3, "SINGLE", "", "", "", "", "")).Record.Parent, Is.Null);
    }

    [Test]
    public void A_row_is_identified_as_its_mapping_maps_it_sku_and_parent_through_their_transformations()
    {
        var mappers = new[]
        {
            new FeedMapper(new MappingOptions { Sku = new ColumnMapping { Column = "Varenummer" } }),
            new FeedMapper(new MappingOptions
            {
                Sku = new ColumnMapping { Column = "Varenummer", Transform = [Step("trim"), Step("upper")] },
                Parent = new ColumnMapping { Column = "Varenummer", Pattern = "^(.*)-[^-]+$" },
            }),
            new FeedMapper(new MappingOptions { Sku = new ColumnMapping { Column = "Varenummer" }, Parent = new ColumnMapping { Column = "Modell" } }),
        };
        var rows = new[]
        {
            Row(2, "TEE-01-BLK-S", "", "", "", "", "TEE-01"),
            Row(3, "  tee-02-s ", "", "", "", "", "  "),
            Row(4, "SINGLE", "", "", "", "", ""),
            Row(5, "", "", "", "", "", "M"),
        };

        foreach (var mapper in mappers)
        {
            foreach (var row in rows)
            {
                Assert.That(mapper.Identify(row), Is.EqualTo(RowIdentity.Of(mapper.Map(row).Record)), $"line {row.Line}");
            }
        }

        Assert.That(mappers[1].Identify(rows[0]), Is.EqualTo(new RowIdentity("TEE-01-BLK-S", "TEE-01-BLK", false)));
    }

    [Test]
    public void A_row_is_identified_by_its_identity_columns_alone_those_of_its_sku_and_parent_and_their_templates()
    {
        var mappers = new[]
        {
            new FeedMapper(new MappingOptions { Sku = new ColumnMapping { Column = "Varenummer" }, Parent = new ColumnMapping { Column = "Modell" } }),
            new FeedMapper(new MappingOptions
            {
                Sku = new ColumnMapping { Column = "Varenummer", Transform = [Step("trim"), Step("upper")] },
                Parent = new ColumnMapping { Column = "Varenummer", Pattern = "^(.*)-[^-]+$" },
            }),
            new FeedMapper(new MappingOptions
            {
                Sku = new ColumnMapping { Template = "{Modell}-{Farge}-{Varenummer}" },
                Parent = new ColumnMapping { Template = "{Modell}-{Farge}" },
                Values = [Value("Navn", "name")],
            }),
            new FeedMapper(new MappingOptions { Sku = new ColumnMapping { Column = "Varenummer" }, Parent = new ColumnMapping { Constant = "ALL" } }),
        };
        var rows = new[] { Row(2, "TEE-01-BLK-S", "Tee", "Black", "c", "1", "TEE-01"), Row(3, "  tee-02-s ", "Tee", "", "", "", "  ") };

        var columns = mappers.Select(m => m.IdentityColumns(Header).Order().Select(i => Header.Columns[i])).ToList();
        foreach (var (mapper, row) in mappers.SelectMany(m => rows.Select(r => (m, r))))
        {
            var read = mapper.IdentityColumns(Header);
            var narrowed = new SourceRow(row.Feed, row.Line, Header, row.Fields.Select((f, i) => read.Contains(i) ? f : "").ToArray());
            Assert.That(mapper.Identify(narrowed), Is.EqualTo(mapper.Identify(row)), $"line {row.Line}");
        }

        Assert.That(columns, Is.EqualTo(new[] { ["Varenummer", "Modell"], ["Varenummer"], new[] { "Varenummer", "Farge", "Modell" }, ["Varenummer"] }));
    }

    [Test]
    public void A_pattern_without_a_group_keeps_the_whole_match_and_names_itself_in_the_origin()
    {
        var mapped = Map(new ColumnMapping { Column = "Navn", Attribute = "size", Pattern = @"\b(XS|S|M|L|XL)\b" }, Row(2, "NK-1", "Genser str. M blå", "", "", "", ""));

        Assert.That(mapped.Record.Values.Single().Data, Is.EqualTo("M"));
        Assert.That(mapped.Record.Values.Single().Origin.Rule, Is.EqualTo("mapping.pattern"));
    }

    [Test]
    public void A_template_makes_one_value_of_several_columns_and_names_them_in_its_origin()
    {
        var template = new ColumnMapping { Template = "{Navn} ({Farge}) {{ny}}", Attribute = "name", Transform = [Step("trim")] };

        var full = Map(template, Row(5, "NK-1", "Genser Fjord", "Svart", "", "", ""));
        var part = Map(template, Row(6, "NK-2", "Genser Fjord", "", "", "", ""));
        var none = Map(new ColumnMapping { Template = "{Navn}{Farge}", Attribute = "name" }, Row(7, "NK-3", "", "", "", "", ""));

        Assert.That(full.Record.Values.Single().Data, Is.EqualTo("Genser Fjord (Svart) {ny}"));
        Assert.That(full.Record.Values.Single().Origin, Is.EqualTo(new ValueOrigin { Feed = "feed.csv", Line = 5, Column = "Navn + Farge", Rule = "mapping.template" }));
        Assert.That(part.Record.Values.Single().Data, Is.EqualTo("Genser Fjord () {ny}"), "an empty cell writes nothing");
        Assert.That(none.Record.Values, Is.Empty, "every cell empty: no value");
    }

    [Test]
    public void A_templates_columns_are_columns_the_feed_must_have()
    {
        var mapper = new FeedMapper(new MappingOptions
        {
            Sku = new ColumnMapping { Column = "Varenummer" },
            Values = [new ColumnMapping { Template = "{Navn} {Farge}", Attribute = "name" }],
        });

        Assert.That(mapper.RequiredColumns, Is.EquivalentTo(new[] { "Varenummer", "Navn", "Farge" }));
    }

    [Test]
    public void The_value_map_applies_to_the_transformed_text()
    {
        var mapped = Map(
            new ColumnMapping { Column = "Farge", Attribute = "color", Transform = [Step("split", separator: "/", index: 0)], Map = new Dictionary<string, string> { ["svart"] = "black" } },
            Row(2, "NK-1", "", "Svart/Hvit", "", "", ""));

        Assert.That(mapped.Record.Values.Single().Data, Is.EqualTo("black"));
    }

    [Test]
    public void A_regex_that_runs_too_long_is_an_error_on_the_record_not_a_hang()
    {
        var mapped = Map(
            Value("Navn", "name", Step("replace", regex: "^(a+)+$", with: "x")),
            Row(9, "NK-1", new string('a', 40) + "!", "", "", "", ""));

        Assert.That(mapped.Record.Values, Is.Empty, "a value the mapping could not compute is left out");
        var issue = mapped.Issues.Single();
        Assert.That((issue.Rule, issue.Severity, issue.Line, issue.Column, issue.Field, issue.Sku), Is.EqualTo((RuleIds.MappingTimeout, Severity.Error, (long?)9, (string?)"Navn", (string?)"name", (string?)"NK-1")));
        Assert.That(mapped.IsRejected, Is.True);
    }

    [Test]
    public void The_transformations_are_compiled_when_the_mapper_is_made_not_per_row()
    {
        var broken = new MappingOptions
        {
            Sku = new ColumnMapping { Column = "Varenummer" },
            Values = [Value("Navn", "name", Step("replace", regex: "[unclosed", with: ""))],
        };

        Assert.That(() => new FeedMapper(broken), Throws.InstanceOf<ArgumentException>());
    }

    [Test]
    public void Onempty_keep_gives_an_empty_value_when_the_transformations_leave_nothing()
    {
        var keep = new ColumnMapping { Column = "Navn", Attribute = "name", OnEmpty = "keep", Transform = [Step("trim")] };
        var skip = new ColumnMapping { Column = "Navn", Attribute = "subtitle", Transform = [Step("trim")] };

        var mapped = new FeedMapper(new MappingOptions { Sku = new ColumnMapping { Column = "Varenummer" }, Values = [keep, skip] }).Map(Row(2, "NK-1", "   ", "", "", "", ""));

        Assert.That(mapped.Record.Values.Select(v => (v.Attribute, v.Data)), Is.EqualTo(new[] { ("name", "") }));
    }

    private static MappedRecord Map(ColumnMapping value, SourceRow row) =>
        new FeedMapper(new MappingOptions { Sku = new ColumnMapping { Column = "Varenummer" }, Values = [value] }).Map(row);

    private static ColumnMapping Value(string column, string attribute, params TransformOptions[] steps) =>
        new() { Column = column, Attribute = attribute, Transform = steps };

    private static TransformOptions Step(
        string kind, string? find = null, string? regex = null, string with = "", bool ignoreCase = false, string? separator = null, string? join = null, int? index = null, string? value = null, string? id = null) =>
        new() { Kind = kind, Find = find, Regex = regex, With = with, IgnoreCase = ignoreCase, Separator = separator, Join = join, Index = index, Value = value, Id = id };

    private static SourceRow Row(long line, params string[] fields) => new("feed.csv", line, Header, fields);
}
