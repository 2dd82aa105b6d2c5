using System.Text.RegularExpressions;
using ProductFlow.JsonSchema.Regexes;

namespace ProductFlow.Tests.JsonSchema;

public sealed class LazyRegexTests
{
    [Test]
    public void A_pattern_is_interpreted_for_its_first_matches_then_compiled_and_both_answer_alike()
    {
        // Unique to this test, so no other test has compiled it into EcmaRegex's cache.
        var regex = LazyRegex.Of("^lazy(b|c)+[0-9]?$");
        string[] texts = ["lazyb", "lazybc7", "lazy", "lazyd", "xlazyb", "lazyc77"];

        var answers = new List<(bool Compiled, bool Match)>();
        for (var i = 0; i < 60; i++)
        {
            var value = regex.Value;
            answers.Add(((value.Options & RegexOptions.Compiled) != 0, value.IsMatch(texts[i % texts.Length])));
        }

        Assert.That(answers.Take(32).Select(a => a.Compiled), Is.All.False);
        Assert.That(answers.Skip(32).Select(a => a.Compiled), Is.All.True);
        Assert.That(answers.Select(a => a.Match), Is.EqualTo(Enumerable.Range(0, 60).Select(i => i % texts.Length is 0 or 1)));
    }

    [Test]
    public void A_pattern_already_compiled_is_used_compiled_from_the_first_match()
    {
        var compiled = EcmaRegex.Get("^eager(b|c)+$");

        Assert.That(LazyRegex.Of("^eager(b|c)+$").Value, Is.SameAs(compiled));
    }

    [Test]
    public void An_invalid_pattern_throws_when_made_with_the_message_of_a_compiled_one()
    {
        var compiled = Assert.Throws<FormatException>(() => EcmaRegex.Get("lazy(b"))!.Message;

        Assert.That(() => LazyRegex.Of("lazy(b"), Throws.TypeOf<FormatException>().With.Message.EqualTo(compiled));
    }
}
