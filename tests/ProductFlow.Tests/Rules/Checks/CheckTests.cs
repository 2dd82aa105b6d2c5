using ProductFlow.Catalog;
using ProductFlow.Model;
using ProductFlow.Pipelines;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Rules.Checks;

public class CheckTests
{
    [Test]
    public void A_pattern_must_match_the_whole_value()
    {
        var check = new CheckOptions { Kind = "pattern", Attribute = "gtin", Pattern = "[0-9]{8}" };

        var records = SomePipeline.Apply(SomePipeline.With(check), Some.Record("A", ("gtin", "12345678")), Some.Record("B", ("gtin", "123456789")));

        Assert.That(records[0].Issues, Is.Empty);
        Assert.That(records[1].Issues.Single().Rule, Is.EqualTo(RuleIds.Pattern));
        Assert.That(records[1].IsRejected, Is.True);
    }

    [Test]
    public void Length_counts_characters_as_a_reader_sees_them()
    {
        var check = new CheckOptions { Kind = "length", Attribute = "gtin", Min = "2", Max = "3" };

        var records = SomePipeline.Apply(SomePipeline.With(check), Some.Record("A", ("gtin", "e\u0301te")), Some.Record("B", ("gtin", "abcd")), Some.Record("C", ("gtin", "a")));

        Assert.That(records.Select(r => r.Issues.Count), Is.EqualTo(new[] { 0, 1, 1 }));
        Assert.That(records[1].Issues[0].Message, Does.Contain("more than 3"));
    }

    [Test]
    public void A_number_range_is_inclusive_and_leaves_bad_numbers_to_number_format()
    {
        var check = new CheckOptions { Kind = "range", Attribute = "weight", Min = "0", Max = "50" };

        var records = SomePipeline.Apply(SomePipeline.With(check), Some.Record("A", ("weight", "50")), Some.Record("B", ("weight", "50.01")), Some.Record("C", ("weight", "x")));

        Assert.That(records.Select(r => string.Join(",", r.Issues.Select(i => i.Rule))), Is.EqualTo(new[] { "", RuleIds.NumberRange, RuleIds.NumberFormat }));
    }

    [Test]
    public void A_date_range_checks_iso_dates()
    {
        var check = new CheckOptions { Kind = "dateRange", Attribute = "launch", Min = "2020-01-01", Severity = Severity.Warning };

        var records = SomePipeline.Apply(SomePipeline.With(check), Some.Record("A", ("launch", "2019-12-31")));

        var issue = records[0].Issues.Single();
        Assert.That((issue.Rule, issue.Severity), Is.EqualTo((RuleIds.DateRange, Severity.Warning)));
        Assert.That(records[0].IsRejected, Is.False, "a warning does not reject");
    }

    [Test]
    public void An_expression_check_applies_when_its_condition_holds_and_takes_a_custom_id()
    {
        var check = new CheckOptions { Kind = "expression", Id = "apparel.color", When = "categories starts with 'apparel'", Assert = "exists color" };
        var apparel = Some.Record("A");
        apparel.Categories = ["apparel_tshirts"];
        var mug = Some.Record("B");
        mug.Categories = ["kitchen"];

        var records = SomePipeline.Apply(SomePipeline.With(check), apparel, mug);

        Assert.That(records[0].Issues.Single().Rule, Is.EqualTo("apparel.color"));
        Assert.That(records[0].Issues.Single().Message, Does.Contain("exists color"));
        Assert.That(records[1].Issues, Is.Empty);
    }

    [Test]
    public void A_cross_field_comparison_compares_numbers()
    {
        var check = new CheckOptions { Kind = "expression", Assert = "weight <= price", Message = "weight may not exceed price" };

        var records = SomePipeline.Apply(SomePipeline.With(check), Some.Record("A", ("price", "10"), ("weight", "9.5")), Some.Record("B", ("price", "10"), ("weight", "10.5")));

        Assert.That(records[0].Issues, Is.Empty);
        Assert.That(records[1].Issues.Single().Message, Is.EqualTo("weight may not exceed price"));
    }

    [Test]
    public void A_channel_check_reads_the_channel_view_and_keeps_the_record_off_that_channel_only()
    {
        var check = new CheckOptions { Kind = "required", Attributes = ["name"], Channel = "partner" };
        var german = Some.Record("A");
        german.Values.Add(Some.Value("name", "Hemd", locale: "de_DE"));

        var record = SomePipeline.Apply(SomePipeline.With(check), german).Single();

        var issue = record.Issues.Single();
        Assert.That((issue.Rule, issue.Channel), Is.EqualTo((RuleIds.Required, "partner")));
        Assert.That(record.IsRejected, Is.False);
        Assert.That(record.BlockedChannels, Is.EqualTo(new[] { "partner" }));
    }

    [Test]
    public void Channel_rules_do_not_run_on_rejected_records()
    {
        var check = new CheckOptions { Kind = "required", Attributes = ["name"], Channel = "partner" };

        var record = SomePipeline.Apply(SomePipeline.With(check), Some.Record("A", ("price", "bad"))).Single();

        Assert.That(record.Issues.Select(i => i.Rule), Is.EqualTo(new[] { RuleIds.NumberFormat }));
    }

    [Test]
    public void A_channel_overrides_the_severity_of_its_own_issues()
    {
        var pipeline = SomePipeline.With(new CheckOptions { Kind = "required", Attributes = ["name"], Channel = "partner" });
        pipeline.Catalog.Channels[0].Severity = new Dictionary<string, Severity> { [RuleIds.Required] = Severity.Warning };

        var record = SomePipeline.Apply(pipeline, Some.Record("A")).Single();

        Assert.That(record.Issues.Single().Severity, Is.EqualTo(Severity.Warning));
        Assert.That(record.BlockedChannels, Is.Empty);
    }

    [Test]
    public void A_gtin_on_two_skus_is_a_value_unique_error_on_the_second()
    {
        var pipeline = SomePipeline.With(new RulesOptions { Unique = ["gtin"] });

        var records = SomePipeline.Apply(
            pipeline,
            Some.Record("A", ("gtin", "4006381333931")),
            Some.Record("A", ("gtin", "4006381333931")),
            Some.Record("B", ("gtin", "4006381333931")));

        Assert.That(records[0].Issues, Is.Empty);
        Assert.That(records[1].Issues.Select(i => i.Rule), Is.EqualTo(new[] { RuleIds.SkuUnique }), "a repeated row is sku.unique's business");
        Assert.That(records[2].Issues.Single().Rule, Is.EqualTo(RuleIds.ValueUnique));
    }

    [Test]
    public void Below_the_channels_minimum_completeness_a_record_stays_off_the_channel()
    {
        var pipeline = SomePipeline.With(new RulesOptions());
        var catalog = pipeline.Catalog;
        catalog.Channels[0].MinCompleteness = 0.75;
        var withFamily = new ProductCatalog
        {
            Locales = catalog.Locales,
            Currencies = catalog.Currencies,
            Attributes = catalog.Attributes,
            Channels = catalog.Channels,
            Families =
            [
                new FamilyDefinition
                {
                    Code = "tshirts",
                    Attributes = ["name", "price", "color", "gtin"],
                    Requirements = new Dictionary<string, IReadOnlyList<string>> { ["partner"] = ["name", "price", "color", "gtin"] },
                },
            ],
        };

        var records = SomePipeline.Apply(
            pipeline with { Catalog = withFamily },
            Some.Record("A", ("price", "1"), ("color", "black"), ("gtin", "4006381333931"), ("name", "Tee")),
            Some.Record("B", ("price", "1"), ("color", "black")));

        Assert.That(records[0].Issues, Is.Empty);
        var issue = records[1].Issues.Single();
        Assert.That((issue.Rule, issue.Channel), Is.EqualTo((RuleIds.Completeness, "partner")));
        Assert.That(issue.Message, Does.Contain("50%").And.Contain("name, gtin"));
    }
}
