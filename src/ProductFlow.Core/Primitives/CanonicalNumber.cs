using System.Globalization;

namespace ProductFlow.Primitives;

/// <summary>Numbers as ProductFlow stores them: invariant, a dot as decimal separator, no exponent, no trailing zeros.</summary>
public static class CanonicalNumber
{
    private const NumberStyles Styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>Parses a supplier's number strictly: <c>12.5</c> and <c>1e3</c> yes, <c>12,5</c> and <c>1,000</c> no.</summary>
    public static bool TryParse(string text, out decimal value) =>
        decimal.TryParse(text.AsSpan().Trim(), Styles, CultureInfo.InvariantCulture, out value);

    public static string Format(decimal value) =>
        value == 0 ? "0" : value.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary><see cref="Format(decimal)"/> of <paramref name="value"/>, a space and <paramref name="unit"/> (<c>0.25 kg</c>), made as one string.</summary>
    public static string FormatWithUnit(decimal value, string unit) =>
        value == 0 ? "0 " + unit : string.Create(CultureInfo.InvariantCulture, $"{value:0.############################} {unit}");

    /// <summary>
    /// <see cref="Format(decimal)"/> of <paramref name="value"/>, or <paramref name="current"/> itself when it already is that text:
    /// most values of a feed are canonical, and a rule that checks every number should not copy each one.
    /// </summary>
    public static string Format(decimal value, string current)
    {
        ArgumentNullException.ThrowIfNull(current);
        Span<char> text = stackalloc char[64];
        if (value == 0 || !value.TryFormat(text, out var written, "0.############################", CultureInfo.InvariantCulture))
        {
            var formatted = Format(value);
            return string.Equals(formatted, current, StringComparison.Ordinal) ? current : formatted;
        }

        return text[..written].SequenceEqual(current) ? current : new string(text[..written]);
    }
}
