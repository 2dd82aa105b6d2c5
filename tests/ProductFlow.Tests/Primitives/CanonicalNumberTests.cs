using System.Globalization;
using ProductFlow.Primitives;

namespace ProductFlow.Tests.Primitives;

public class CanonicalNumberTests
{
    private const string Pattern = "0.############################";

    [Test]
    [SetCulture("de-DE")]
    public void Format_writes_what_the_format_with_every_decimal_optional_writes_for_generated_values_of_every_scale()
    {
        var random = new Random(28);
        var values = Enumerable.Range(0, 20000)
            .Select(_ => new decimal(random.Next(), random.Next(), random.Next(), random.Next(2) == 0, (byte)random.Next(29)))
            .Concat(Enumerable.Range(0, 5000).Select(_ => new decimal(random.Next(0, 100000), 0, 0, random.Next(2) == 0, (byte)random.Next(6))))
            .Concat([decimal.MaxValue, decimal.MinValue, 0.0000000000000000000000000001m, -0.0000000000000000000000000001m, 19.90m, 100m, 1000.000m, -0.50m, 0m, -0.000m, 0.00m]);

        foreach (var value in values)
        {
            var expected = value == 0 ? "0" : value.ToString(Pattern, CultureInfo.InvariantCulture);
            Assert.That(CanonicalNumber.Format(value), Is.EqualTo(expected), $"{value.ToString(CultureInfo.InvariantCulture)} (scale {value.Scale})");
            Assert.That(CanonicalNumber.Format(value, expected), Is.SameAs(expected));
            Assert.That(CanonicalNumber.Format(value, value.ToString(CultureInfo.InvariantCulture) + " "), Is.EqualTo(expected));
            Assert.That(CanonicalNumber.FormatWithUnit(value, "kg"), Is.EqualTo(expected + " kg"));
        }
    }

    [TestCase("0")]
    [TestCase("-0.000")]
    [TestCase("0.250")]
    [TestCase("12.5")]
    [TestCase("-3.75")]
    [TestCase("1000000")]
    [TestCase("0.0000000000000000000000000001")]
    [TestCase("79228162514264337593543950335")]
    [SetCulture("de-DE")]
    public void FormatWithUnit_is_the_canonical_number_a_space_and_the_unit_whatever_the_culture(string text)
    {
        var value = decimal.Parse(text, CultureInfo.InvariantCulture);

        Assert.That(CanonicalNumber.FormatWithUnit(value, "kg"), Is.EqualTo(CanonicalNumber.Format(value) + " kg"));
    }
}
