namespace ProductFlow.Mapping;

/// <summary>Reads the boolean spellings suppliers use: true/false, 1/0, yes/no, y/n (any case).</summary>
public static class BooleanText
{
    public static bool TryParse(string text, out bool value)
    {
        ArgumentNullException.ThrowIfNull(text);

        // Compared in place (every row of a feed has a flag or two): no trimmed or upper-cased copy.
        var span = text.AsSpan().Trim();
        if (span is "1" || Is(span, "TRUE") || Is(span, "YES") || Is(span, "Y"))
        {
            value = true;
            return true;
        }

        value = false;
        return span is "0" || Is(span, "FALSE") || Is(span, "NO") || Is(span, "N");
    }

    // Exactly as comparing text.ToUpperInvariant() with upper: the same per-character invariant case mapping (so the long s 'ſ' is an 'S').
    private static bool Is(ReadOnlySpan<char> text, string upper)
    {
        if (text.Length != upper.Length)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (char.ToUpperInvariant(text[i]) != upper[i])
            {
                return false;
            }
        }

        return true;
    }
}
