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
}
