using System.Text.Json;
using ProductFlow.Rules;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Rules;

public class GtinTests
{
    public static IEnumerable<TestCaseData> Vectors()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(TestPaths.InPublicTestData("gtin", "gtin_vectors.json")));
        foreach (var vector in document.RootElement.GetProperty("vectors").EnumerateArray())
        {
            var kind = vector.GetProperty("kind").GetString()!;
            // A null input (no code at all) is checked as an empty code.
            var input = vector.GetProperty("input").GetString() ?? "";
            // An SSCC-18 is a logistic unit code, not a trade item: ProductFlow's GTIN rule refuses it by length.
            var expected = !kind.StartsWith("SSCC", StringComparison.Ordinal) && vector.GetProperty("expected_valid").GetBoolean();
            yield return new TestCaseData(input, expected).SetName($"{kind} '{input}' is {(expected ? "valid" : "invalid")}");
        }
    }

    [TestCaseSource(nameof(Vectors))]
    public void Shared_vectors_follow_the_documented_policy(string input, bool expected) =>
        Assert.That(Gtin.IsValid(input), Is.EqualTo(expected));

    [Test]
    public void Gtin_with_wrong_check_digit_is_rejected() =>
        Assert.That(Gtin.Check("4006381333932", out _), Is.EqualTo(GtinProblem.CheckDigit));

    [Test]
    public void Separators_are_removed_from_a_valid_gtin()
    {
        Assert.That(Gtin.Check("978-2-1234-5680-3", out var normalized), Is.EqualTo(GtinProblem.None));
        Assert.That(normalized, Is.EqualTo("9782123456803"));
    }

    [TestCase("00000000")]
    [TestCase("0000000000000")]
    public void All_zero_codes_are_rejected(string input) =>
        Assert.That(Gtin.Check(input, out _), Is.EqualTo(GtinProblem.AllZeros));

    [TestCase("4006381A33931", GtinProblem.NotDigits)]
    [TestCase("40063813339", GtinProblem.WrongLength)]
    [TestCase("", GtinProblem.WrongLength)]
    public void Malformed_codes_say_why(string input, GtinProblem problem) =>
        Assert.That(Gtin.Check(input, out _), Is.EqualTo(problem));
}
