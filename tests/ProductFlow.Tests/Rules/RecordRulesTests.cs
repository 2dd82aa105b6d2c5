using ProductFlow.Model;
using ProductFlow.Rules;
using ProductFlow.Rules.Checks;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Rules;

public class RecordRulesTests
{
    private static readonly RuleContext Context = new(new Dictionary<string, Severity>());

    [Test]
    public void A_missing_or_blank_required_attribute_is_an_error_per_attribute()
    {
        var mapped = Some.Mapped(Some.Record("A", ("price", "  ")));

        new RequiredCheck(["price", "color"], Some.Catalog(), ["en_US"]).Apply(mapped, Context);

        Assert.That(mapped.Issues.Select(i => (i.Rule, i.Field, i.Message)), Is.EqualTo(new[]
        {
            (RuleIds.Required, "price", "required attribute 'price' is missing"),
            (RuleIds.Required, "color", "required attribute 'color' is missing"),
        }), "attributes that are not localizable are required once, not per locale");
    }

    [Test]
    public void An_empty_value_kept_from_the_feed_is_no_format_error_and_is_as_missing_as_an_absent_one()
    {
        var pipeline = SomePipeline.With(new ProductFlow.Pipelines.RulesOptions { Required = ["weight"] });

        var records = SomePipeline.Apply(pipeline, Some.Record("A", ("weight", "")), Some.Record("B"));

        Assert.That(records.Select(r => r.Issues.Single().Rule), Is.EqualTo(new[] { RuleIds.Required, RuleIds.Required }), "no number.format for the empty number");
        Assert.That(records.Select(r => r.Issues.Single().Field), Is.EqualTo(new[] { "weight", "weight" }));
    }

    [Test]
    public void A_localizable_required_attribute_is_needed_in_every_channel_locale()
    {
        var record = Some.Record("A");
        record.Values.Add(Some.Value("name", "Tee", locale: "en_US"));
        var mapped = Some.Mapped(record);

        new RequiredCheck(["name"], Some.Catalog(), ["en_US", "de_DE"]).Apply(mapped, Context);

        Assert.That(mapped.Issues.Single().Message, Does.Contain("de_DE"));
    }

    [Test]
    public void A_repeated_sku_is_rejected_and_points_at_the_first_line()
    {
        var rule = new SkuUniqueRule();
        var first = Some.Mapped(new ProductRecord("A-1") { Line = 2 });
        var again = Some.Mapped(new ProductRecord("A-1") { Line = 40 });
        var other = Some.Mapped(new ProductRecord("a-1") { Line = 41 });

        foreach (var mapped in new[] { first, again, other })
        {
            rule.Apply(mapped, Context);
        }

        Assert.That(first.Issues, Is.Empty);
        Assert.That(other.IsRejected, Is.False, "SKUs are case-sensitive");
        Assert.That(other.Issues.Single().Rule, Is.EqualTo(RuleIds.SkuCase), "a case-only collision is reported");
        Assert.That(other.Issues.Single().Severity, Is.EqualTo(Severity.Warning));
        Assert.That(again.Issues.Single().Rule, Is.EqualTo(RuleIds.SkuUnique));
        Assert.That(again.Issues.Single().Message, Does.Contain("line 2"));
    }

    [Test]
    public void A_repeated_sku_that_differs_in_case_from_an_earlier_one_points_at_its_own_first_line()
    {
        var rule = new SkuUniqueRule();
        var records = new[] { ("A-1", 2L), ("a-1", 3L), ("a-1", 4L), ("A-1", 5L), ("a-1", 6L) }
            .Select(r => Some.Mapped(new ProductRecord(r.Item1) { Line = r.Item2 })).ToList();

        foreach (var mapped in records)
        {
            rule.Apply(mapped, Context);
        }

        Assert.That(
            records.Select(r => r.Issues.SingleOrDefault() is { } issue ? $"{issue.Rule} {issue.Message[issue.Message.IndexOf("line", StringComparison.Ordinal)..]}" : ""),
            Is.EqualTo(new[]
            {
                "", RuleIds.SkuCase + " line 2 (one product for Akeneo and case-insensitive systems)", RuleIds.SkuUnique + " line 3)", RuleIds.SkuUnique + " line 2)",
                RuleIds.SkuUnique + " line 3)",
            }));
    }

    [Test]
    public void A_gtin_rule_error_names_the_expected_check_digit_and_a_valid_one_is_stored_as_digits()
    {
        var bad = Some.Mapped(Some.Record("A", ("gtin", "4006381333932")));
        var spaced = Some.Mapped(Some.Record("B", ("gtin", "400638 133393 1")));

        new GtinRule(["gtin"]).Apply(bad, Context);
        new GtinRule(["gtin"]).Apply(spaced, Context);

        Assert.That(bad.Issues.Single().Rule, Is.EqualTo(RuleIds.GtinCheckDigit));
        Assert.That(bad.Issues.Single().Message, Does.Contain("expected 1"));
        Assert.That(spaced.Issues, Is.Empty);
        Assert.That(spaced.Record.Values[0].Data, Is.EqualTo("4006381333931"));
    }
}
