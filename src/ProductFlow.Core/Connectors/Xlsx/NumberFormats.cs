namespace ProductFlow.Connectors.Xlsx;

/// <summary>Which cell styles of a workbook show numbers as dates: what makes a number cell a date (Excel stores dates as day numbers).</summary>
/// <remarks>
/// A style is a date when its number format is one of Excel's built-in date and time formats (14-22, 27-36, 45-47, 50-58)
/// or a custom format with a day, month, year, hour or second code outside quoted text, escapes and <c>[...]</c> sections
/// (<c>[Red]</c>, <c>[$-409]</c>); <c>[h]</c>-style elapsed times count as times.
/// </remarks>
internal static class NumberFormats
{
    public static bool IsBuiltInDate(int id) => id is (>= 14 and <= 22) or (>= 27 and <= 36) or (>= 45 and <= 47) or (>= 50 and <= 58);

    public static bool IsDateFormat(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            switch (c)
            {
                case '"':
                    i = code.IndexOf('"', i + 1) is var close and >= 0 ? close : code.Length;
                    break;
                case '\\' or '_' or '*':
                    i++; // the next character is literal (or padding)
                    break;
                case '[':
                    var end = code.IndexOf(']', i + 1);
                    var section = end < 0 ? code[(i + 1)..] : code[(i + 1)..end];
                    if (section.Length > 0 && section.Trim('h', 'H', 'm', 'M', 's', 'S').Length == 0)
                    {
                        return true; // [h]:mm elapsed time
                    }

                    i = end < 0 ? code.Length : end;
                    break;
                case 'd' or 'D' or 'm' or 'M' or 'y' or 'Y' or 'h' or 'H' or 's' or 'S':
                    return !code.Equals("General", StringComparison.OrdinalIgnoreCase);
            }
        }

        return false;
    }
}
