namespace ProductFlow.Csv;

/// <summary>Neutralises spreadsheet formula injection in human-facing CSV cells, reversibly.</summary>
/// <remarks>
/// A text cell starting with <c>=</c> <c>+</c> <c>-</c> <c>@</c>, tab, CR or LF gets a leading <c>'</c>
/// (OWASP), which Excel shows as text. A plain number (<c>-5</c>, <c>+3.2</c>, <c>1e3</c>) stays as it is.
/// To make the guard reversible, a cell that already starts with quotes followed by such a character gets
/// one more quote, so <see cref="Unprotect"/> gives back exactly the original value of any cell.
/// </remarks>
public static class FormulaGuard
{
    public static string Protect(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var quotes = CountLeadingQuotes(value);
        if (quotes == value.Length || !IsTrigger(value[quotes]) || (quotes == 0 && IsPlainNumber(value)))
        {
            return value;
        }

        return "'" + value;
    }

    public static string Unprotect(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var quotes = CountLeadingQuotes(value);
        if (quotes == 0 || quotes == value.Length || !IsTrigger(value[quotes]) || (quotes == 1 && IsPlainNumber(value.AsSpan(1))))
        {
            return value;
        }

        return value[1..];
    }

    /// <summary>Whether a spreadsheet could run <paramref name="value"/> as a formula: it starts with a trigger character and is not a plain number.</summary>
    public static bool IsFormulaLike(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length > 0 && IsTrigger(value[0]) && !IsPlainNumber(value);
    }

    /// <summary>Whether a cell is a plain decimal number, which a spreadsheet reads as a number, not a formula.</summary>
    public static bool IsPlainNumber(ReadOnlySpan<char> value)
    {
        var i = 0;
        if (i < value.Length && value[i] is '+' or '-')
        {
            i++;
        }

        var digits = 0;
        while (i < value.Length && char.IsAsciiDigit(value[i]))
        {
            i++;
            digits++;
        }

        if (i < value.Length && value[i] == '.')
        {
            i++;
            while (i < value.Length && char.IsAsciiDigit(value[i]))
            {
                i++;
                digits++;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        if (i < value.Length && value[i] is 'e' or 'E')
        {
            i++;
            if (i < value.Length && value[i] is '+' or '-')
            {
                i++;
            }

            var exponentDigits = 0;
            while (i < value.Length && char.IsAsciiDigit(value[i]))
            {
                i++;
                exponentDigits++;
            }

            if (exponentDigits == 0)
            {
                return false;
            }
        }

        return i == value.Length;
    }

    /// <summary>Whether a cell starting with <paramref name="c"/> may be read as a formula.</summary>
    internal static bool IsTrigger(char c) => c is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n';

    private static int CountLeadingQuotes(string value)
    {
        var count = 0;
        while (count < value.Length && value[count] == '\'')
        {
            count++;
        }

        return count;
    }
}
