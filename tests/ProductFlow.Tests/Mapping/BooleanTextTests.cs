using ProductFlow.Mapping;

namespace ProductFlow.Tests.Mapping;

public class BooleanTextTests
{
    [TestCase("true", true)]
    [TestCase(" TRUE ", true)]
    [TestCase("Yes", true)]
    [TestCase("y", true)]
    [TestCase("1", true)]
    [TestCase("\t1\u00A0", true)]
    [TestCase("False", false)]
    [TestCase("no", false)]
    [TestCase("N", false)]
    [TestCase(" 0", false)]
    public void Reads_each_spelling_in_any_case_and_around_white_space(string text, bool expected)
    {
        Assert.That(BooleanText.TryParse(text, out var value), Is.True);
        Assert.That(value, Is.EqualTo(expected));
    }

    [TestCase("")]
    [TestCase(" ")]
    [TestCase("ja")]
    [TestCase("yess")]
    [TestCase("t")]
    [TestCase("01")]
    [TestCase("y e s")]
    public void Refuses_anything_else(string text)
    {
        Assert.That(BooleanText.TryParse(text, out _), Is.False);
    }

    [Test]
    public void Decides_as_the_upper_cased_trimmed_text_compared_with_each_spelling()
    {
        // Characters whose invariant upper case is an ASCII letter of a spelling, or that look like one, or are white space.
        var alphabet = new[] { "t", "r", "u", "e", "f", "a", "l", "s", "y", "n", "o", "1", "0", "T", "E", "S", "Y", "N", "ſ", "ı", "İ", "ｙ", " ", "\u00A0", "\u2003", "\t" };
        var random = new Random(20);
        for (var i = 0; i < 20_000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 7)).Select(_ => alphabet[random.Next(alphabet.Length)]));
            var upper = text.Trim().ToUpperInvariant();
            bool? expected = upper is "TRUE" or "1" or "YES" or "Y" ? true : upper is "FALSE" or "0" or "NO" or "N" ? false : null;

            var parsed = BooleanText.TryParse(text, out var value);

            Assert.That(parsed ? value : (bool?)null, Is.EqualTo(expected), $"'{text}'");
        }
    }
}
