using ProductFlow.Expressions;

namespace ProductFlow.Tests.Rules.Expressions;

public class RuleExpressionTests
{
    private static readonly Dictionary<string, string[]> Fields = new()
    {
        ["price"] = ["19.90"],
        ["sale_price"] = ["24.5"],
        ["color"] = ["black"],
        ["categories"] = ["sale", "apparel_tshirts"],
        ["sku"] = ["TS-1"],
    };

    private static IReadOnlyList<string> Lookup(string field) => Fields.TryGetValue(field, out var values) ? values : [];

    [TestCase("sale_price <= price", false)]
    [TestCase("sale_price > price", true)]
    [TestCase("price = 19.9", true, TestName = "Numbers compare as numbers")]
    [TestCase("color = 'black' and not exists size", true)]
    [TestCase("exists size or color in ('white', 'red')", false)]
    [TestCase("color not in ('white', 'red')", true)]
    [TestCase("categories starts with 'apparel'", true, TestName = "A field with several values matches when any value does")]
    [TestCase("(price < 10 or price > 15) and sku != 'X'", true)]
    [TestCase("weight > 0", false, TestName = "An absent field matches nothing")]
    [TestCase("NOT exists weight AND sku = \"TS-1\"", true, TestName = "Keywords ignore case and strings take either quote")]
    public void Expressions_evaluate_on_the_record(string text, bool expected) =>
        Assert.That(RuleExpression.Parse(text).Evaluate(Lookup), Is.EqualTo(expected));

    [Test]
    public void Fields_read_by_an_expression_are_known_before_it_runs() =>
        Assert.That(RuleExpression.Parse("sale_price <= price and categories in ('a')").Fields, Is.EquivalentTo(new[] { "sale_price", "price", "categories" }));

    [TestCase("price <=", "ends too early")]
    [TestCase("price ~ 3", "unexpected '~' at position 7")]
    [TestCase("color = 'black", "never closed")]
    [TestCase("price < 3 price", "unexpected 'price' at position 11")]
    [TestCase("and = 3", "unexpected 'and' at position 1")]
    public void A_bad_expression_says_where(string text, string message)
    {
        var error = Assert.Throws<ExpressionException>(() => RuleExpression.Parse(text));

        Assert.That(error!.Message, Does.Contain(message));
    }
}
