using System.Text;
using ProductFlow.JsonSchema.Regexes;

namespace ProductFlow.Tests.JsonSchema;

/// <summary>The byte-level fast path must answer exactly as the regex engine does.</summary>
[TestFixture]
public sealed class SimplePatternTests
{
    private static readonly string[] Inputs =
    [
        "", "a", "0", "12345678", "1234567890123", "123456789012345", "4006381333931", "40063813339X1", "ABC-123456",
        "ABC-123456-XL", "ABC-123456-", "ABC-123456-TOOLONG", "abc-123456", "apparel.shirts", "home.apparel", "apparel",
        "xapparel", "A-1", "AB-12", "AB-", "x y", "\u00e9t\u00e9", "12345678\n", "a_b", "--", "ABC-123456(-X)",
    ];

    [TestCase("^[0-9]{8,14}$")]
    [TestCase("^apparel")]
    [TestCase("^[A-Z]{3}-[0-9]{6}(-[A-Z0-9]{1,4})?$")]
    [TestCase("^[A-Z]{3}-[0-9]{6}$")]
    [TestCase("^\\d+$")]
    [TestCase("^[A-Z]+-\\d*$")]
    [TestCase("^\\w+$")]
    [TestCase("apparel")]
    [TestCase("23$")]
    [TestCase("^a?$")]
    [TestCase("^[a-z_]{1,3}$")]
    [TestCase("^(?:-[A-Z]{1,2})?$")]
    public void Simple_pattern_agrees_with_the_regex(string pattern)
    {
        var simple = SimplePattern.TryParse(pattern);
        var regex = EcmaRegex.Get(pattern);

        Assert.That(simple, Is.Not.Null, "expected the fast path to accept " + pattern);
        foreach (var input in Inputs)
        {
            Assert.That(simple!.IsMatch(Encoding.UTF8.GetBytes(input)), Is.EqualTo(regex.IsMatch(input)), $"{pattern} on \"{input}\"");
        }
    }

    [TestCase("^[a-z]+[a-z0-9]$")]
    [TestCase("^a|b$")]
    [TestCase("^[^0-9]+$")]
    [TestCase("^.+$")]
    [TestCase("[0-9]+")]
    [TestCase("^(ab)+$")]
    [TestCase("^(-x)?-y$")]
    [TestCase("^\u00e9$")]
    [TestCase("^a+?$")]
    public void Patterns_the_fast_path_cannot_answer_exactly_go_to_the_regex(string pattern) =>
        Assert.That(SimplePattern.TryParse(pattern), Is.Null);
}
