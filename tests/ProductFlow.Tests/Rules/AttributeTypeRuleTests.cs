using ProductFlow.Model;
using ProductFlow.Pipelines;
using ProductFlow.Rules;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Rules;

public class AttributeTypeRuleTests
{
    [TestCase("12.50", "12.5")]
    [TestCase(" 7 ", "7")]
    [TestCase("1e3", "1000")]
    [TestCase("-0.0", "0")]
    public void Numbers_are_stored_in_canonical_invariant_form(string raw, string canonical)
    {
        var mapped = Apply(("weight", raw));

        Assert.That(mapped.Issues, Is.Empty);
        Assert.That(mapped.Record.Values[0].Data, Is.EqualTo(canonical));
    }

    [TestCase("12,99")]
    [TestCase("1,000")]
    [TestCase("ten")]
    public void A_number_that_is_not_invariant_is_a_number_format_error(string raw)
    {
        var mapped = Apply(("price", raw));

        var issue = mapped.Issues.Single();
        Assert.That((issue.Rule, issue.Severity, issue.Field, issue.Value, issue.Column), Is.EqualTo((RuleIds.NumberFormat, Severity.Error, "price", raw, "col")));
    }

    [Test]
    public void A_huge_bad_value_is_quoted_in_at_most_200_characters_and_kept_whole_in_the_issue()
    {
        var huge = new string('9', 5000) + "x";

        var issue = Apply(("price", huge)).Issues.Single();

        Assert.That(issue.Message, Has.Length.LessThan(Quoted.MaxLength + 150).And.StartWith("'" + new string('9', 100)));
        Assert.That(issue.Value, Is.EqualTo(huge));
    }

    [Test]
    public void Options_match_case_insensitively_and_are_stored_by_code()
    {
        var mapped = Apply(("color", "BLACK"), ("tags", "Sale, new"));

        Assert.That(mapped.Issues, Is.Empty);
        Assert.That(mapped.Record.Values.Select(v => v.Data), Is.EqualTo(new[] { "black", "sale,new" }));
    }

    [Test]
    public void An_unknown_option_is_an_error_that_lists_the_options()
    {
        var mapped = Apply(("color", "Purple"));

        var issue = mapped.Issues.Single();
        Assert.That(issue.Rule, Is.EqualTo(RuleIds.OptionUnknown));
        Assert.That(issue.Message, Does.Contain("black, white"));
    }

    [TestCase("organic", "Yes", "true", null)]
    [TestCase("organic", "perhaps", null, RuleIds.BooleanFormat)]
    [TestCase("launch", "2025-03-01", "2025-03-01", null)]
    [TestCase("launch", "01/03/2025", null, RuleIds.DateFormat)]
    [TestCase("image", "https://cdn.example.com/a.jpg", "https://cdn.example.com/a.jpg", null)]
    [TestCase("image", "cdn.example.com/a.jpg", null, RuleIds.UrlFormat)]
    [TestCase("picture", "files/JKT-1/picture/bag.jpg", "files/JKT-1/picture/bag.jpg", null)]
    [TestCase("picture", "8/a/0/f/8a0f5e_photo.jpg", "8/a/0/f/8a0f5e_photo.jpg", null)]
    [TestCase("picture", " https://cdn.example.com/a.jpg ", "https://cdn.example.com/a.jpg", null)]
    [TestCase("picture", "files/../../etc/passwd", null, RuleIds.MediaFormat)]
    [TestCase("picture", "files/a\u0007.jpg", null, RuleIds.MediaFormat)]
    [TestCase("picture", "javascript:alert(1)", null, RuleIds.MediaFormat)]
    [TestCase("picture", "file:///etc/passwd", null, RuleIds.MediaFormat)]
    public void Booleans_dates_urls_and_media_are_checked(string attribute, string raw, string? canonical, string? rule)
    {
        var mapped = Apply((attribute, raw));

        Assert.That(mapped.Issues.Select(i => i.Rule), Is.EqualTo(rule is null ? Array.Empty<string>() : new[] { rule }));
        if (canonical is not null)
        {
            Assert.That(mapped.Record.Values[0].Data, Is.EqualTo(canonical));
        }
    }

    [Test]
    public void Severity_can_be_lowered_per_pipeline()
    {
        var mapped = Some.Mapped(Some.Record("A", ("price", "12,99")));
        var context = new RuleContext(new Dictionary<string, Severity> { [RuleIds.NumberFormat] = Severity.Warning });

        new AttributeTypeRule(Some.Catalog()).Apply(mapped, context);

        Assert.That(mapped.Issues.Single().Severity, Is.EqualTo(Severity.Warning));
        Assert.That(mapped.IsRejected, Is.False);
    }

    [TestCase("price", "499,00", RuleIds.NumberFormat)]
    [TestCase("net_weight", "1,5", RuleIds.NumberFormat)]
    [TestCase("organic", "perhaps", RuleIds.BooleanFormat)]
    [TestCase("launch", "01/03/2025", RuleIds.DateFormat)]
    [TestCase("image", "cdn.example.com/a.jpg", RuleIds.UrlFormat)]
    [TestCase("color", "Purple", RuleIds.OptionUnknown)]
    public void A_value_that_does_not_parse_is_left_out_when_its_error_is_lowered_to_a_warning(string attribute, string raw, string rule)
    {
        var mapped = Some.Mapped(Some.Record("A", (attribute, raw), ("weight", "2")));
        var context = new RuleContext(new Dictionary<string, Severity> { [rule] = Severity.Warning });

        new AttributeTypeRule(Some.Catalog()).Apply(mapped, context);

        Assert.That(mapped.Issues.Single(), Has.Property(nameof(Issue.Rule)).EqualTo(rule).And.Property(nameof(Issue.Value)).EqualTo(raw));
        Assert.That(mapped.IsRejected, Is.False);
        Assert.That(mapped.Record.Values.Select(v => (v.Attribute, v.Data)), Is.EqualTo(new[] { ("weight", "2") }), "never stored as its type when it is not one");
    }

    [Test]
    public void Each_records_url_is_checked_whether_it_repeats_the_last_valid_one_or_not()
    {
        var rule = new AttributeTypeRule(Some.Catalog());
        string[] urls = ["https://cdn.example.com/a.jpg", " https://cdn.example.com/a.jpg", "cdn.example.com/a.jpg", "https://cdn.example.com/a.jpg", "ftp://cdn.example.com/a.jpg"];

        var results = urls.Select(url =>
        {
            var mapped = Some.Mapped(Some.Record("A", ("image", url)));
            rule.Apply(mapped, new RuleContext(new RulesOptions().Severity));
            return (mapped.Record.Values.Single().Data, mapped.Issues.SingleOrDefault()?.Rule);
        });

        Assert.That(results, Is.EqualTo(new (string, string?)[]
        {
            ("https://cdn.example.com/a.jpg", null), ("https://cdn.example.com/a.jpg", null), ("cdn.example.com/a.jpg", RuleIds.UrlFormat),
            ("https://cdn.example.com/a.jpg", null), ("ftp://cdn.example.com/a.jpg", RuleIds.UrlFormat),
        }));
    }

    [Test]
    public void Each_records_numbers_are_read_whether_they_repeat_the_last_ones_of_their_attribute_or_not()
    {
        // The price of one record is the weight of the next and the other way round; a bad text after a good one, and again after it.
        var rule = new AttributeTypeRule(Some.Catalog());
        (string Price, string Weight)[] rows = [("34.90", "3"), ("34.90", "34.90"), ("3", "34.90"), ("34,90", "3"), ("34.90", "3.0"), ("34,90", "-0"), ("1e3", "3")];

        var results = rows.Select(row =>
        {
            var mapped = Some.Mapped(Some.Record("A", ("price", row.Price), ("weight", row.Weight)));
            rule.Apply(mapped, new RuleContext(new RulesOptions().Severity));
            return (string.Join(' ', mapped.Record.Values.Select(v => $"{v.Attribute}={v.Data}")), string.Join(' ', mapped.Issues.Select(i => i.Rule)));
        });

        Assert.That(results, Is.EqualTo(new[]
        {
            ("price=34.9 weight=3", ""), ("price=34.9 weight=34.9", ""), ("price=3 weight=34.9", ""), ("price=34,90 weight=3", RuleIds.NumberFormat),
            ("price=34.9 weight=3", ""), ("price=34,90 weight=0", RuleIds.NumberFormat), ("price=1000 weight=3", ""),
        }));
    }

    private static ProductFlow.Mapping.MappedRecord Apply(params (string, string)[] values)
    {
        var mapped = Some.Mapped(Some.Record("A", values));
        new AttributeTypeRule(Some.Catalog()).Apply(mapped, new RuleContext(new RulesOptions().Severity));
        return mapped;
    }
}
