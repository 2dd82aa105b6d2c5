using ProductFlow.Expressions;
using ProductFlow.Model;
using ProductFlow.Rules.Checks;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Rules.Checks;

/// <summary>The values an expression reads from a record: record fields, and an attribute's values split into their codes.</summary>
public class CheckScopeTests
{
    [TestCase("tags in ('b')", true)]
    [TestCase("tags starts with 'c'", true)]
    [TestCase("tags = 'a,,b'", false, TestName = "A multi-select is read code by code, never whole")]
    [TestCase("tags = ''", false, TestName = "Empty codes between commas are no values")]
    [TestCase("exists empty", false, TestName = "A value of commas only has no codes")]
    [TestCase("exists blank", false, TestName = "An empty value has no codes")]
    [TestCase("note starts with 'plain text'", true, TestName = "A value without commas is one code")]
    [TestCase("'b' = tags", true, TestName = "A constant on the left compares with each code")]
    [TestCase("10 < stock", true, TestName = "A constant on the left compares as a number with a number")]
    [TestCase("stock >= limit", true, TestName = "Two fields compare each value with each value")]
    [TestCase("limit > stock", false)]
    [TestCase("sku = 'TS-1' and parent = 'TS' and family = 'tshirts' and enabled = 'true'", true, TestName = "Record fields are single values")]
    [TestCase("categories in ('sale') and groups starts with 'summer'", true, TestName = "Categories and groups are several values")]
    [TestCase("exists missing or missing = 'x'", false, TestName = "An absent attribute has no values")]
    public void An_expression_on_a_record_reads_its_fields(string text, bool expected)
    {
        var record = new ProductRecord("TS-1") { Parent = "TS", Family = "tshirts", Enabled = true };
        record.Categories = ["apparel", "sale"];
        record.Groups = ["summer_2025"];
        record.Values.Add(Some.Value("tags", "a,,b"));
        record.Values.Add(Some.Value("tags", "c,"));
        record.Values.Add(Some.Value("empty", ",,"));
        record.Values.Add(Some.Value("blank", ""));
        record.Values.Add(Some.Value("note", "plain text"));
        record.Values.Add(Some.Value("stock", "12"));
        record.Values.Add(Some.Value("limit", "9"));
        record.Values.Add(Some.Value("limit", "12.0"));

        Assert.That(RuleExpression.Parse(text).Evaluate(new CheckScope(null, null).FieldsOf(record)), Is.EqualTo(expected));
    }

    [Test]
    public void A_check_in_a_locale_reads_values_of_that_locale_and_of_no_locale()
    {
        var record = new ProductRecord("TS-1");
        record.Values.Add(Some.Value("name", "=SUM(A1)", locale: "de_DE"));
        record.Values.Add(Some.Value("name", "Tee", locale: "en_US"));
        var startsLikeFormula = RuleExpression.Parse("name starts with '='");

        Assert.That(startsLikeFormula.Evaluate(new CheckScope(null, "en_US").FieldsOf(record)), Is.False);
        Assert.That(startsLikeFormula.Evaluate(new CheckScope(null, "de_DE").FieldsOf(record)), Is.True);
        Assert.That(startsLikeFormula.Evaluate(new CheckScope(null, null).FieldsOf(record)), Is.True);
    }
}
