using ProductFlow.Catalog;
using ProductFlow.Model;
using ProductFlow.Pipelines;
using ProductFlow.Reports;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Reports;

/// <summary>Completeness in the channel's locale, per product (for its notes) and summed per channel (for the report), and the minimum it enforces.</summary>
public class CompletenessTrackerTests
{
    [Test]
    public void A_product_is_scored_in_the_channels_locale_where_another_locales_value_does_not_count()
    {
        var catalog = Catalog(minCompleteness: 0);
        var tracker = new CompletenessTracker(catalog, catalog.Channels);

        var german = tracker.Add(Record("A", ("name", "de_DE")));
        var english = tracker.Add(Record("B", ("name", "en_US")));
        var unrequired = tracker.Add(new ProductRecord("C") { Family = "mugs" });

        Assert.That(german, Is.EqualTo(new[] { new CompletenessScore("partner", "en_US", 1, 2) }));
        Assert.That(english.Single().Ratio, Is.EqualTo(1.0));
        Assert.That(unrequired, Is.Empty);
        var total = tracker.Results.Single();
        Assert.That((total.Locale, total.Records, total.Complete, total.Ratio), Is.EqualTo(("en_US", 2L, 1L, 0.75)));
    }

    [Test]
    public void The_channels_minimum_completeness_is_enforced_in_its_locale()
    {
        var pipeline = SomePipeline.With(new RulesOptions()) with { Catalog = Catalog(minCompleteness: 1) };

        var records = SomePipeline.Apply(pipeline, Record("A", ("name", "de_DE")), Record("B", ("name", "en_US")));

        var issue = records[0].Issues.Single();
        Assert.That((issue.Rule, issue.Channel, issue.Field), Is.EqualTo((RuleIds.Completeness, "partner", "name")));
        Assert.That(records[1].Issues, Is.Empty);
    }

    private static ProductRecord Record(string sku, (string Attribute, string Locale) localized)
    {
        var record = Some.Record(sku, ("price", "10"));
        record.Values.Add(Some.Value(localized.Attribute, "Tee", locale: localized.Locale));
        return record;
    }

    private static ProductCatalog Catalog(double minCompleteness)
    {
        var catalog = Some.Catalog();
        catalog.Channels[0].MinCompleteness = minCompleteness;
        catalog.Families =
        [
            new FamilyDefinition
            {
                Code = "tshirts",
                Attributes = ["name", "price"],
                Requirements = new Dictionary<string, IReadOnlyList<string>> { ["partner"] = ["name", "price"] },
            },
            new FamilyDefinition { Code = "mugs", Attributes = ["name"] },
        ];
        return catalog;
    }
}
