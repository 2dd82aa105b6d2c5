using System.Globalization;

namespace ProductFlow.Primitives;

/// <summary>Numbers as ProductFlow stores them: invariant, a dot as decimal separator, no exponent, no trailing zeros.</summary>
public static class CanonicalNumber
{
    // A decimal's invariant text is at most 29 digits, a sign and a point.
    private const int MaxLength = 32;

    private const NumberStyles Styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>Parses a supplier's number strictly: <c>12.5</c> and <c>1e3</c> yes, <c>12,5</c> and <c>1,000</c> no.</summary>
    public static bool TryParse(string text, out decimal value) =>
        decimal.TryParse(text.AsSpan().Trim(), Styles, CultureInfo.InvariantCulture, out value);

    public static string Format(decimal value)
    {
        if (value == 0)
        {
            return "0";
        }

        Span<char> text = stackalloc char[MaxLength];
        return new string(text[..Write(value, text)]);
    }

    /// <summary><see cref="Format(decimal)"/> of <paramref name="value"/>, a space and <paramref name="unit"/> (<c>0.25 kg</c>), made as one string.</summary>
    public static string FormatWithUnit(decimal value, string unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        if (value == 0)
        {
            return "0 " + unit;
        }

        Span<char> text = stackalloc char[MaxLength];
        return string.Concat(text[..Write(value, text)], " ", unit);
    }

    /// <summary>
    /// <see cref="Format(decimal)"/> of <paramref name="value"/>, or <paramref name="current"/> itself when it already is that text:
    /// most values of a feed are canonical, and a rule that checks every number should not copy each one.
    /// </summary>
    public static string Format(decimal value, string current)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (value == 0)
        {
            return current == "0" ? current : "0";
        }

        Span<char> text = stackalloc char[MaxLength];
        var written = Write(value, text);
        return text[..written].SequenceEqual(current) ? current : new string(text[..written]);
    }

    /// <summary>
    /// Writes the canonical text of a non-zero <paramref name="value"/> and returns its length: the value's invariant text, which for a
    /// decimal never has an exponent and keeps the value's scale (<c>19.90</c>), less the zeros that scale leaves at its end. The same
    /// text as the format <c>0.############################</c> (a decimal has at most 28 decimals, so it never rounds), without
    /// parsing that format at every call.
    /// </summary>
    private static int Write(decimal value, Span<char> text)
    {
        value.TryFormat(text, out var written, default, CultureInfo.InvariantCulture);
        if (text[..written].Contains('.'))
        {
            while (text[written - 1] == '0')
            {
                written--;
            }

            if (text[written - 1] == '.')
            {
                written--;
            }
        }

        return written;
    }
}
