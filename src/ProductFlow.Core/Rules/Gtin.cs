namespace ProductFlow.Rules;

/// <summary>GS1 GTIN-8/12/13/14 check-digit validation.</summary>
/// <remarks>
/// Policy (docs/rules.md, "GTIN policy"): spaces, hyphens and U+2010 between digits are separators and are removed, so
/// <c>978-2-1234-5680-3</c> is the valid GTIN <c>9782123456803</c>; any other character is invalid; the
/// lengths are 8, 12, 13 and 14 (an SSCC-18 is not a GTIN); an all-zero code passes the mod-10 check but is
/// not a real GTIN and is rejected.
/// </remarks>
public static class Gtin
{
    public static GtinProblem Check(string input, out string normalized)
    {
        ArgumentNullException.ThrowIfNull(input);
        Span<char> digits = stackalloc char[Math.Min(input.Length, 32)];
        var count = 0;
        foreach (var c in input.AsSpan().Trim())
        {
            if (c is ' ' or '-' or '\u2010')
            {
                continue;
            }

            if (!char.IsAsciiDigit(c))
            {
                normalized = input;
                return GtinProblem.NotDigits;
            }

            if (count == digits.Length)
            {
                normalized = input;
                return GtinProblem.WrongLength;
            }

            digits[count++] = c;
        }

        // Most codes are digits only already: the input itself, not a copy.
        normalized = digits[..count].SequenceEqual(input) ? input : new string(digits[..count]);
        if (count is not (8 or 12 or 13 or 14))
        {
            return GtinProblem.WrongLength;
        }

        if (!normalized.AsSpan().ContainsAnyExcept('0'))
        {
            return GtinProblem.AllZeros;
        }

        return CheckDigit(digits[..(count - 1)]) == digits[count - 1] - '0' ? GtinProblem.None : GtinProblem.CheckDigit;
    }

    public static bool IsValid(string input) => Check(input, out _) == GtinProblem.None;

    /// <summary>The GS1 mod-10 check digit of the digits before it: weights 3 and 1 from the right.</summary>
    public static int CheckDigit(ReadOnlySpan<char> body)
    {
        var sum = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var weight = (body.Length - i) % 2 == 1 ? 3 : 1;
            sum += (body[i] - '0') * weight;
        }

        return (10 - (sum % 10)) % 10;
    }
}
