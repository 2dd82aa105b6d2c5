using ProductFlow.Catalog;
using ProductFlow.Mapping;
using ProductFlow.Model;
using ProductFlow.Pipelines;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Rules;

/// <summary>A value for an attribute the record's family does not have: a warning <c>attribute.not-in-family</c>, once per attribute.</summary>
public class FamilyAttributesRuleTests
{
    [Test]
    public void A_value_for_an_attribute_outside_the_family_is_a_warning_naming_it_and_its_column()
    {
        var record = Some.Record("A", ("price", "10"), ("gtin", "4006381333931"));
        record.Values.Add(Some.Value("title", "Tee", "en_US", column: "title_en"));
        record.Values.Add(Some.Value("title", "T-Shirt", "de_DE", column: "title_de"));

        var done = SomePipeline.Apply(Pipeline(), record).Single();
        var warnings = done.Issues.Where(i => i.Rule == RuleIds.AttributeNotInFamily).ToList();

        Assert.That(warnings.Select(i => (i.Rule, i.Severity, i.Field, i.Column)), Is.EquivalentTo(new[]
        {
            (RuleIds.AttributeNotInFamily, Severity.Warning, (string?)"gtin", (string?)"col"),
            (RuleIds.AttributeNotInFamily, Severity.Warning, (string?)"title", (string?)"title_en"),
        }), "one warning per attribute, not per locale");
        Assert.That(warnings[0].Message, Does.Contain("'tshirts'"));
        Assert.That(done.IsRejected, Is.False, "a warning: the value is stored");
    }

    [Test]
    public void A_record_without_a_family_or_with_one_the_catalog_lacks_gets_no_such_warning()
    {
        var none = Some.Record("A", ("gtin", "4006381333931"));
        none.Family = null;
        var unknown = Some.Record("B", ("gtin", "4006381333931"));
        unknown.Family = "socks";

        var done = SomePipeline.Apply(Pipeline(), none, unknown);

        Assert.That(done.SelectMany(r => r.Issues).Select(i => i.Rule), Has.None.EqualTo(RuleIds.AttributeNotInFamily));
    }

    [Test]
    public void Records_of_families_in_turn_are_each_checked_against_their_own_family()
    {
        var records = Enumerable.Range(0, 6).Select(i =>
        {
            var record = Some.Record($"R{i}", ("price", "10"), ("gtin", "4006381333931"));
            record.Family = i % 3 == 0 ? "tshirts" : i % 3 == 1 ? "codes" : new string("tshirts".AsSpan());
            return record;
        }).ToArray();

        var done = SomePipeline.Apply(Pipeline(), records);

        Assert.That(done.Select(r => string.Join(",", r.Issues.Where(i => i.Rule == RuleIds.AttributeNotInFamily).Select(i => i.Field))),
            Is.EqualTo(new[] { "gtin", "price", "gtin", "gtin", "price", "gtin" }));
    }

    private static LoadedPipeline Pipeline()
    {
        var catalog = Some.Catalog();
        catalog.Families = [new FamilyDefinition { Code = "tshirts", Attributes = ["name", "price", "color"] }, new FamilyDefinition { Code = "codes", Attributes = ["gtin"] }];
        return new LoadedPipeline(
            new PipelineDefinition
            {
                Name = "test",
                Catalog = "catalog.json",
                Source = new SourceOptions(),
                Mapping = new MappingOptions { Sku = new ColumnMapping { Column = "sku" } },
                Channels = ["partner"],
            },
            catalog);
    }
}
