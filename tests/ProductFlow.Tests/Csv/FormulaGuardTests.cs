using ProductFlow.Csv;

namespace ProductFlow.Tests.Csv;

public class FormulaGuardTests
{
    [TestCase("=SUM(A1:A2)", "'=SUM(A1:A2)")]
    [TestCase("+cmd", "'+cmd")]
    [TestCase("-x", "'-x")]
    [TestCase("@import", "'@import")]
    [TestCase("\tx", "'\tx")]
    [TestCase("\rx", "'\rx")]
    [TestCase("\nx", "'\nx")]
    [TestCase("'=x", "''=x")]
    public void Text_that_starts_like_a_formula_gets_a_leading_quote(string value, string expected) =>
        Assert.That(FormulaGuard.Protect(value), Is.EqualTo(expected));

    [TestCase("-5")]
    [TestCase("+3.25")]
    [TestCase("-1e3")]
    [TestCase("Black")]
    [TestCase("")]
    [TestCase("'quoted")]
    public void Numbers_and_plain_text_are_left_as_they_are(string value) =>
        Assert.That(FormulaGuard.Protect(value), Is.EqualTo(value));

    [TestCase("=SUM(A1)")]
    [TestCase("'=x")]
    [TestCase("''-y")]
    [TestCase("'-5")]
    [TestCase("-5")]
    [TestCase("'abc")]
    [TestCase("'")]
    [TestCase("\n")]
    public void Unprotect_gives_back_exactly_the_original(string value) =>
        Assert.That(FormulaGuard.Unprotect(FormulaGuard.Protect(value)), Is.EqualTo(value));
}
