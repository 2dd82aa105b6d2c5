using ProductFlow.Channels;
using ProductFlow.Mapping;
using ProductFlow.Model;
using ProductFlow.Pipelines;
using ProductFlow.Rules;
using ProductFlow.Tests.Support;
using static ProductFlow.Tests.Channels.ChannelRecords;

namespace ProductFlow.Tests.Rules;

/// <summary>The channel rules of machine-read kinds (shopify-csv, google-merchant), run as a pipeline runs them, on the demo catalog.</summary>
public class MachineChannelRulesTests
{
    [Test]
    public void A_formula_like_value_the_shopify_and_google_channels_write_is_a_warning_naming_the_attribute()
    {
        var record = Variant("A-1", "A", "red", "s").With("title", "=HYPERLINK(\"x\")").With("brand", "@brand");

        var issues = Apply(["shopify", "google"], record).Issues.Where(i => i.Rule == RuleIds.FormulaLike).ToList();

        Assert.That(issues.Select(i => (i.Severity, i.Channel, i.Field, i.Value)), Is.EquivalentTo(new[]
        {
            (Severity.Warning, "shopify", "brand", "@brand"),
            (Severity.Warning, "google", "title", "=HYPERLINK(\"x\")"),
            (Severity.Warning, "google", "brand", "@brand"),
        }), "shopify's title is the name, google's the title");
    }

    [Test]
    public void Plain_numbers_and_channels_that_guard_their_values_raise_no_formula_warning()
    {
        var record = Variant("A-1", "A", "red", "s").With("name", "-5").With("brand", "=cmd");

        Assert.That(Apply(["shopify"], record.With("brand", "Northwind")).Issues.Where(i => i.Rule == RuleIds.FormulaLike), Is.Empty);
        Assert.That(Apply(["partner"], record.With("brand", "=cmd")).Issues.Where(i => i.Rule == RuleIds.FormulaLike), Is.Empty);
    }

    [TestCase(new[] { "-sale", "apparel" }, true, TestName = "Categories whose first code starts like a formula are formula-like shopify tags")]
    [TestCase(new[] { "apparel", "=sale" }, false, TestName = "Categories whose later code starts like a formula are not: the tags start with the first")]
    [TestCase(new[] { "", "=sale" }, false, TestName = "Categories whose first code is empty start with the separator")]
    [TestCase(new[] { "-5" }, false, TestName = "A category that is a plain number is no formula")]
    public void Shopify_tags_are_formula_like_as_the_joined_categories_start(string[] categories, bool formulaLike)
    {
        var record = Variant("A-1", "A", "red", "s");
        record.Categories = categories;

        var issues = Apply(["shopify"], record).Issues.Where(i => i.Rule == RuleIds.FormulaLike).Select(i => i.Field);

        Assert.That(issues, formulaLike ? Is.EqualTo(new[] { "categories" }) : Is.Empty);
    }

    [Test]
    public void A_formula_warning_takes_the_pipelines_severity_override()
    {
        var record = Variant("A-1", "A", "red", "s").With("brand", "+brand");

        var mapped = Apply(["shopify"], record, new Dictionary<string, Severity> { [RuleIds.FormulaLike] = Severity.Error });

        Assert.That(mapped.Issues.Single().Severity, Is.EqualTo(Severity.Error));
        Assert.That(mapped.BlockedChannels, Is.EqualTo(new[] { "shopify" }));
    }

    [Test]
    public void A_google_title_over_150_characters_or_description_over_5000_keeps_the_record_off_google()
    {
        var record = Variant("A-1", "A", "red", "s").With("title", new string('t', 151)).With("description", new string('d', 5001));

        var mapped = Apply(["google", "shopify"], record);

        Assert.That(mapped.Issues.Select(i => (i.Rule, i.Severity, i.Channel, i.Field)), Is.EqualTo(new[]
        {
            (RuleIds.GoogleTitleLength, Severity.Error, "google", "title"),
            (RuleIds.GoogleDescriptionLength, Severity.Error, "google", "description"),
        }));
        Assert.That(mapped.BlockedChannels, Is.EqualTo(new[] { "google" }));
        Assert.That(Apply(["google"], Variant("A-1", "A", "red", "s").With("title", new string('t', 150))).Issues, Is.Empty);
    }

    [Test]
    public void A_record_without_price_availability_or_image_is_an_error_per_missing_google_field()
    {
        var record = Variant("A-1", "A", "red", "s", stock: null);
        foreach (var value in record.Values.Where(v => v.Attribute is "price" or "image").ToList())
        {
            record.Values.Remove(value);
        }

        var issues = Apply(["google"], record).Issues;

        Assert.That(issues.Select(i => (i.Rule, i.Severity, i.Field)), Is.EqualTo(new[]
        {
            (RuleIds.GoogleRequired, Severity.Error, "image"),
            (RuleIds.GoogleRequired, Severity.Error, "stock"),
            (RuleIds.GoogleRequired, Severity.Error, "price"),
        }));
        Assert.That(issues[1].Message, Does.Contain("'availability'").And.Contain("'stock'"));
    }

    [TestCase("19.9", "EUR", false, TestName = "A price with an amount and a currency is a google price")]
    [TestCase("", "EUR", true, TestName = "A blank price is missing for google")]
    public void A_google_price_needs_an_amount(string amount, string? currency, bool missing)
    {
        var record = Variant("A-1", "A", "red", "s");
        var price = record.Values.Single(v => v.Attribute == "price");
        record.Values[record.Values.IndexOf(price)] = price with { Data = amount, Currency = currency };

        var issues = Apply(["google"], record).Issues.Where(i => i.Rule == RuleIds.GoogleRequired).Select(i => i.Field);

        Assert.That(issues, missing ? Is.EqualTo(new[] { "price" }) : Is.Empty);
    }

    private static MappedRecord Apply(string[] channels, ProductRecord record, Dictionary<string, Severity>? severity = null)
    {
        var pipeline = new LoadedPipeline(
            new PipelineDefinition
            {
                Name = "test", Catalog = "catalog.json", Source = new SourceOptions(), Channels = channels,
                Rules = new RulesOptions { Severity = severity ?? [] },
            },
            ProductFlow.Tests.Channels.ChannelRecords.Catalog);
        using var rules = RuleSet.Create(pipeline, ChannelRules.For);
        var mapped = Some.Mapped(record);
        rules.Apply(mapped);
        rules.Finish();
        return mapped;
    }
}
