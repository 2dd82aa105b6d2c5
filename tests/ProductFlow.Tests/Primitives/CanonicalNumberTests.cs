using System.Globalization;
using ProductFlow.Primitives;

namespace ProductFlow.Tests.Primitives;

public class CanonicalNumberTests
{
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
