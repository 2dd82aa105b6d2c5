using ProductFlow.Model;
using ProductFlow.Pipelines;
using ProductFlow.Primitives;
using ProductFlow.Rules;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Rules;

public class NumberCultureTests
{
    [TestCase("499,00", "499")]
    [TestCase("1 299,00", "1299")]
    [TestCase("1\u00A0299,50", "1299.5")]
    [TestCase("1.299,00", "1299")]
    [TestCase("-12,5", "-12.5")]
    [TestCase("1299", "1299")]
    [TestCase(" 7 ", "7")]
    public void Norwegian_numbers_parse_and_are_stored_invariant(string text, string canonical)
    {
        var culture = NumberCulture.From("nb-NO", null, null)!;

        Assert.That(culture.TryParse(text, out var value), Is.True);
        Assert.That(CanonicalNumber.Format(value), Is.EqualTo(canonical));
    }

    [TestCase("12.5")]
    [TestCase("1,2,3")]
    [TestCase("12 34,00")]
    [TestCase("1e3")]
    [TestCase("kr 499")]
    [TestCase("")]
    public void A_text_that_is_not_a_norwegian_number_does_not_parse(string text) =>
        Assert.That(NumberCulture.From("nb-NO", null, null)!.TryParse(text, out _), Is.False);

    [Test]
    public void Separators_given_override_the_culture()
    {
        var swiss = NumberCulture.From(null, ".", "'")!;

        Assert.That(swiss.TryParse("1'299.50", out var value) && value == 1299.5m, Is.True);
        Assert.That(swiss.TryParse("1.299,50", out _), Is.False);
    }

    [Test]
    public void A_pipeline_culture_reads_the_feeds_prices_and_a_value_may_have_its_own()
    {
        var pipeline = SomePipeline.With(new RulesOptions());
        pipeline.Definition.Source.Culture = "nb-NO";
        pipeline.Definition.Mapping.Values = [new ColumnMapping { Column = "w", Attribute = "weight", DecimalSeparator = "." }];
        var record = Some.Record("A", ("price", "1 299,00"), ("weight", "0.25"), ("net_weight", "1,5"));

        var mapped = SomePipeline.Apply(pipeline, record).Single();

        Assert.That(mapped.Issues, Is.Empty);
        Assert.That(mapped.Record.Values.Select(v => v.Data), Is.EqualTo(new[] { "1299", "0.25", "1.5" }));
    }

    [Test]
    public void A_value_that_is_not_a_number_in_the_culture_says_which_format_was_expected()
    {
        var pipeline = SomePipeline.With(new RulesOptions());
        pipeline.Definition.Source.Culture = "nb-NO";

        var issue = SomePipeline.Apply(pipeline, Some.Record("A", ("price", "12.5"))).Single().Issues.Single();

        Assert.That((issue.Rule, issue.Message), Is.EqualTo((RuleIds.NumberFormat, "'12.5' is not a number (numbers in nb-NO: decimal ',', thousands ' ' or '.')")));
    }
}
