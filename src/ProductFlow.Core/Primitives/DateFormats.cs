using System.Globalization;

namespace ProductFlow.Primitives;

/// <summary>.NET date formats as catalogs name them (a <c>partner-csv</c> channel's <c>dateFormat</c>).</summary>
public static class DateFormats
{
    // A date whose day, month and year differ from each other and from any time field, so a format that writes a date shows one of them.
    private static readonly DateTime Probe = new(2026, 11, 24, 0, 0, 0, DateTimeKind.Unspecified);

    /// <summary>Whether <paramref name="format"/> is a .NET date format that writes a date (not a literal, not a time only).</summary>
    public static bool IsDateFormat(string format)
    {
        try
        {
            var text = Probe.ToString(format, CultureInfo.InvariantCulture);
            return text.Contains("24", StringComparison.Ordinal) || text.Contains("11", StringComparison.Ordinal) || text.Contains("26", StringComparison.Ordinal);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
