using System.Globalization;

namespace ProductFlow.Primitives;

/// <summary>How a supplier writes numbers: the decimal separator and the thousands separators a feed may use (<c>"culture": "nb-NO"</c>, or separators given).</summary>
/// <remarks>
/// <para>Parsing is strict: at most one decimal separator, thousands separators only between groups of three digits
/// (<c>1 299,00</c>, <c>1.299,00</c>), an optional leading sign, no exponent. A text that reads otherwise is not a number
/// (<c>12.5</c> under <c>nb-NO</c> is <c>number.format</c>, never twelve thousand five hundred). The canonical value stays invariant
/// (<see cref="CanonicalNumber"/>).</para>
/// <para>From a culture: its decimal separator; as thousands separators its own, the spaces (a space, a no-break space and a narrow
/// no-break space: feeds mix them), and the other of <c>.</c> and <c>,</c> (with a decimal comma, <c>1.299,00</c>).</para>
/// </remarks>
public sealed class NumberCulture
{
    private static readonly char[] Spaces = [' ', '\u00A0', '\u202F'];

    private NumberCulture(string name, char decimalSeparator, IEnumerable<char> thousands)
    {
        Name = name;
        DecimalSeparator = decimalSeparator;
        ThousandsSeparators = thousands.Where(c => c != decimalSeparator).Distinct().ToArray();
    }

    /// <summary>The culture's name, or the separators given, for messages.</summary>
    public string Name { get; }

    public char DecimalSeparator { get; }

    public IReadOnlyList<char> ThousandsSeparators { get; }

    /// <summary>The number format of a source or mapping: its culture, then its separators over it; null when it declares neither (invariant, strict).</summary>
    /// <exception cref="CultureNotFoundException">The culture is unknown.</exception>
    /// <exception cref="ArgumentException">A separator is not one character, or both are the same.</exception>
    public static NumberCulture? From(string? culture, string? decimalSeparator, string? thousandsSeparator)
    {
        if (culture is null && decimalSeparator is null && thousandsSeparator is null)
        {
            return null;
        }

        var format = culture is null ? NumberFormatInfo.InvariantInfo : CultureInfo.GetCultureInfo(culture, predefinedOnly: true).NumberFormat;
        var decimalText = decimalSeparator ?? format.NumberDecimalSeparator;
        if (decimalText.Length != 1)
        {
            throw new ArgumentException($"the decimal separator '{decimalText}' is not one character");
        }

        var separator = decimalText[0];
        var thousands = thousandsSeparator is { } given
            ? given.Length switch
            {
                0 => [],
                1 => Spaces.Contains(given[0]) ? Spaces : [given[0]],
                _ => throw new ArgumentException($"the thousands separator '{given}' is not one character"),
            }
            : format.NumberGroupSeparator.Where(c => !char.IsWhiteSpace(c)).Concat(Spaces).Append(separator == ',' ? '.' : ',');
        if (thousandsSeparator is [var only] && only == separator)
        {
            throw new ArgumentException($"the decimal and thousands separators are both '{only}'");
        }

        var name = culture ?? $"decimal '{separator}'" + (thousandsSeparator is { Length: 1 } t ? $", thousands '{t}'" : "");
        return new NumberCulture(name, separator, thousands);
    }

    /// <summary>What the message of a value that does not parse says about the format expected.</summary>
    public string Describe() =>
        $"{Name}: decimal '{DecimalSeparator}'" + (ThousandsSeparators.Count == 0 ? "" : $", thousands {string.Join(" or ", ThousandsSeparators.Where(c => !Spaces.Contains(c) || c == ' ').Select(c => $"'{c}'"))}");

    public bool TryParse(string text, out decimal value)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = 0;
        var span = text.AsSpan().Trim();
        var negative = false;
        if (span.Length > 0 && span[0] is '-' or '+')
        {
            negative = span[0] == '-';
            span = span[1..];
        }

        var point = span.IndexOf(DecimalSeparator);
        var whole = point < 0 ? span : span[..point];
        var fraction = point < 0 ? [] : span[(point + 1)..];
        if ((whole.Length == 0 && fraction.Length == 0) || !AllDigits(fraction) || !ValidGroups(whole, out var digits))
        {
            return false;
        }

        var invariant = (negative ? "-" : "") + (digits.Length == 0 ? "0" : digits) + (fraction.Length == 0 ? "" : "." + fraction.ToString());
        return decimal.TryParse(invariant, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Whether the integer part is digits, or groups of three digits after the first 1-3, joined by one thousands separator.</summary>
    private bool ValidGroups(ReadOnlySpan<char> whole, out string digits)
    {
        digits = "";
        var cut = whole.IndexOfAny(ThousandsSeparators.ToArray());
        if (cut < 0)
        {
            digits = whole.ToString();
            return AllDigits(whole);
        }

        var separator = whole[cut];
        var groups = whole.ToString().Split(separator);
        if (groups[0].Length is < 1 or > 3 || groups.Any(g => !AllDigits(g)) || groups.Skip(1).Any(g => g.Length != 3))
        {
            return false;
        }

        digits = string.Concat(groups);
        return true;
    }

    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
