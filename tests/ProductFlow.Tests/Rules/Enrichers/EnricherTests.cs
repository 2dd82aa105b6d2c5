using ProductFlow.Model;
using ProductFlow.Pipelines;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Rules.Enrichers;

public class EnricherTests
{
    [Test]
    public void A_default_fills_an_absent_or_blank_value_and_says_so_in_its_origin()
    {
        var pipeline = Enrich(new EnrichOptions { Kind = "default", Attribute = "brand", Value = "Northwind" });

        var records = SomePipeline.Apply(pipeline, Some.Record("A"), Some.Record("B", ("brand", "  ")), Some.Record("C", ("brand", "Acme")));

        Assert.That(records.Select(r => r.Record.Values.Single(v => v.Attribute == "brand").Data), Is.EqualTo(new[] { "Northwind", "Northwind", "Acme" }));
        Assert.That(records[0].Record.Values.Single().Origin, Is.EqualTo(ValueOrigin.FromRule("default")));
        Assert.That(records[2].Record.Values.Single().Origin.Column, Is.EqualTo("col"));
    }

    [Test]
    public void Normalize_collapses_spaces_keeps_line_breaks_composes_unicode_and_keeps_the_cell_in_the_lineage()
    {
        var pipeline = Enrich(new EnrichOptions { Kind = "normalize", Attributes = ["brand"], Case = "title" });

        var record = SomePipeline.Apply(pipeline, Some.Record("A", ("brand", "  cafe\u0301 \t  NOIR \r\n second  line "))).Single();

        var value = record.Record.Values.Single();
        Assert.That(value.Data, Is.EqualTo("Caf\u00e9 Noir\nSecond Line"));
        Assert.That((value.Origin.Column, value.Origin.Rule), Is.EqualTo(("col", "normalize")));
    }

    [Test]
    public void Normalize_changes_the_spaces_of_generated_text_exactly_as_trimming_each_line_and_collapsing_its_runs_would()
    {
        // Text of letters, spaces, tabs, no-break spaces and line breaks (LF, CR, CRLF) in every arrangement a short string can have:
        // the enricher skips the text it finds clean, and must skip no text that the collapse would change.
        var pipeline = Enrich(new EnrichOptions { Kind = "normalize", Attributes = ["brand"] });
        var random = new Random(20);
        var alphabet = "ab \t\u00A0\n\r";
        var texts = Enumerable.Range(0, 3000).Select(_ => new string(Enumerable.Range(0, random.Next(1, 12)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray()))
            .Concat(["a b", "a  b", "a\tb", "a \nb", "a\n b", " a", "a ", "\na", "a\n", "a\r\nb", "a\u00A0b", "ab"])
            .ToList();

        var records = SomePipeline.Apply(pipeline, texts.Select((t, i) => Some.Record($"S{i}", ("brand", t))).ToArray());

        Assert.That(records.Select(r => r.Record.Values.Single().Data), Is.EqualTo(texts.Select(Collapsed)));
    }

    [TestCase("NFC", "Gr\u00f6\u00dfe 30 \u00b0C x\u00b2", "Gr\u00f6\u00dfe 30 \u00b0C x\u00b2", null, TestName = "Latin text is in NFC as it is")]
    [TestCase("NFC", "Gro\u0308\u00dfe", "Gr\u00f6\u00dfe", "normalize", TestName = "A combining mark after Latin text is composed")]
    [TestCase("NFC", "\u0041\u030A \u212B", "\u00c5 \u00c5", "normalize", TestName = "Characters above the combining marks are composed or replaced in NFC")]
    [TestCase("NFKC", "x\u00b2 \u00bd", "x2 1\u20442", "normalize", TestName = "NFKC replaces Latin compatibility characters")]
    [TestCase("NFKC", "Classic Tee", "Classic Tee", null, TestName = "ASCII text is in NFKC as it is")]
    public void Normalize_puts_text_in_the_unicode_form(string form, string data, string expected, string? rule)
    {
        var pipeline = Enrich(new EnrichOptions { Kind = "normalize", Attributes = ["brand"], Unicode = form, Whitespace = false });

        var value = SomePipeline.Apply(pipeline, Some.Record("A", ("brand", data))).Single().Record.Values.Single();

        Assert.That((value.Data, value.Origin.Rule), Is.EqualTo((expected, rule)));
    }

    [Test]
    public void A_template_renders_values_resolved_for_its_locale()
    {
        var pipeline = Enrich(new EnrichOptions { Kind = "template", Attribute = "title", Locale = "de_DE", Template = "{{ brand }} {{ name }} – {{ color | upcase }}" });
        var record = Some.Record("A", ("brand", "Northwind"), ("color", "black"));
        record.Values.Add(Some.Value("name", "Hemd", locale: "de_DE"));
        record.Values.Add(Some.Value("name", "Shirt", locale: "en_US"));

        var result = SomePipeline.Apply(pipeline, record).Single();

        var title = result.Record.Values.Single(v => v.Attribute == "title");
        Assert.That((title.Data, title.Locale, title.Origin.Rule), Is.EqualTo(("Northwind Hemd – BLACK", "de_DE", "template")));
    }

    [Test]
    public void A_template_missing_a_value_sets_nothing_and_warns_which_value()
    {
        var pipeline = Enrich(new EnrichOptions { Kind = "template", Attribute = "title", Locale = "en_US", Template = "{{ brand }} {{ name }}" });

        var result = SomePipeline.Apply(pipeline, Some.Record("A", ("brand", "Northwind"))).Single();

        Assert.That(result.Record.Values.Select(v => v.Attribute), Has.None.EqualTo("title"));
        var issue = result.Issues.Single();
        Assert.That((issue.Rule, issue.Severity, issue.Field), Is.EqualTo((RuleIds.TemplateMissingValue, Severity.Warning, "name")));
        Assert.That(result.IsRejected, Is.False);
    }

    [Test]
    public void A_category_map_sets_the_channels_taxonomy_from_the_first_mapped_category()
    {
        var pipeline = Enrich(new EnrichOptions
        {
            Kind = "categoryMap", Attribute = "taxonomy", Channel = "partner",
            Map = new Dictionary<string, string> { ["tshirts"] = "Apparel > Shirts", ["sale"] = "Sale" },
        });
        var record = Some.Record("A");
        record.Categories = ["new", "tshirts", "sale"];

        var value = SomePipeline.Apply(pipeline, record).Single().Record.Values.Single();

        Assert.That((value.Data, value.Channel), Is.EqualTo(("Apparel > Shirts", "partner")));
    }

    [TestCase("1250", "g", "1.25")]
    [TestCase("2", "lb", "0.90718474")]
    [TestCase("0.5", "KILOGRAM", "0.5")]
    [TestCase("3", null, "3", TestName = "A metric without a unit is in the attribute's unit")]
    public void A_metric_is_stored_in_the_attributes_unit(string data, string? unit, string expected)
    {
        var record = Some.Record("A");
        record.Values.Add(Some.Value("net_weight", data) with { Unit = unit });

        var value = SomePipeline.Apply(Enrich(), record).Single().Record.Values.Single();

        Assert.That((value.Data, value.Unit), Is.EqualTo((expected, "kg")));
        Assert.That(value.Origin.Rule, Is.EqualTo(unit is null or "KILOGRAM" ? null : "unit"));
    }

    [Test]
    public void Temperatures_convert_with_their_offset()
    {
        var record = Some.Record("A");
        record.Values.Add(Some.Value("max_temp", "86") with { Unit = "F" });

        Assert.That(SomePipeline.Apply(Enrich(), record).Single().Record.Values.Single().Data, Is.EqualTo("30"));
    }

    [Test]
    public void A_metric_with_a_unit_of_another_family_is_a_unit_unknown_error()
    {
        var record = Some.Record("A");
        record.Values.Add(Some.Value("net_weight", "12") with { Unit = "cm" });

        var result = SomePipeline.Apply(Enrich(), record).Single();

        Assert.That(result.Issues.Single().Rule, Is.EqualTo(RuleIds.UnitUnknown));
        Assert.That(result.Issues.Single().Message, Does.Contain("'cm' is not a unit of mass"));
    }

    [Test]
    public void A_metric_with_a_unit_no_family_knows_is_a_unit_unknown_error_and_is_not_converted()
    {
        var record = Some.Record("A");
        record.Values.Add(Some.Value("net_weight", "12") with { Unit = "stone-ish" });

        var result = SomePipeline.Apply(Enrich(), record).Single();

        Assert.That((result.Issues.Single().Rule, result.Issues.Single().Value), Is.EqualTo((RuleIds.UnitUnknown, "12")));
        Assert.That(result.IsRejected, Is.True);
    }

    [Test]
    public void A_template_takes_no_value_of_another_locale_and_warns_instead()
    {
        var pipeline = Enrich(new EnrichOptions { Kind = "template", Attribute = "title", Locale = "en_US", Template = "{{ name }}" });
        var record = Some.Record("A");
        record.Values.Add(Some.Value("name", "Hemd", locale: "de_DE"));

        var result = SomePipeline.Apply(pipeline, record).Single();

        Assert.That(result.Record.Values.Select(v => v.Attribute), Has.None.EqualTo("title"));
        Assert.That((result.Issues.Single().Rule, result.Issues.Single().Field), Is.EqualTo((RuleIds.TemplateMissingValue, "name")));
    }

    /// <summary>Each line trimmed and its runs of spaces, tabs and no-break spaces made one space; line breaks kept, the text trimmed of them.</summary>
    private static string Collapsed(string text) =>
        string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Select(line => System.Text.RegularExpressions.Regex.Replace(line.Trim(), "[ \t\u00A0]+", " "))).Trim('\n');

    private static LoadedPipeline Enrich(params EnrichOptions[] enrichers)
    {
        var pipeline = SomePipeline.With(new RulesOptions());
        pipeline.Definition.Enrich = enrichers;
        return pipeline;
    }
}
