namespace ProductFlow.Mapping;

/// <summary>Reads the boolean spellings suppliers use: true/false, 1/0, yes/no, y/n (any case).</summary>
public static class BooleanText
{
    public static bool TryParse(string text, out bool value)
    {
        ArgumentNullException.ThrowIfNull(text);
        switch (text.Trim().ToUpperInvariant())
        {
            case "TRUE" or "1" or "YES" or "Y":
                value = true;
                return true;
            case "FALSE" or "0" or "NO" or "N":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }
}
