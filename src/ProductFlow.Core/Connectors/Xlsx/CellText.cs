using System.Globalization;

namespace ProductFlow.Connectors.Xlsx;

/// <summary>Turns a typed cell into the text a CSV cell would hold, without the machine's culture.</summary>
/// <remarks>
/// Numbers as invariant strings with Excel's 15 significant digits (<c>12.5</c>, <c>0.3</c> for 0.1+0.2); whole
/// numbers below 10^15 without a decimal part (<c>3</c>, <c>4006381333009</c>); dates as ISO 8601, <c>2025-03-01</c>,
/// with <c>T10:30:00</c> only when the cell has a time; booleans <c>true</c>/<c>false</c>; an empty cell empty.
/// </remarks>
internal static class CellText
{
    public static string Of(object? value) => value switch
    {
        null => "",
        string text => text,
        double number => Number(number),
        float number => Number(number),
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        int or long or short or byte => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        bool flag => flag ? "true" : "false",
        DateTime date => Date(date),
        DateTimeOffset date => date.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture),
        TimeSpan time => time.ToString("c", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>A number cell's text, without boxing it (as <see cref="Of(object)"/> gives it).</summary>
    public static string Of(double number) => Number(number);

    /// <summary>A date cell's text, without boxing it (as <see cref="Of(object)"/> gives it).</summary>
    public static string Of(DateTime date) => Date(date);

    private static string Number(double number) =>
        Math.Abs(number) < 1e15 && number == Math.Floor(number)
            ? ((long)number).ToString(CultureInfo.InvariantCulture)
            : number.ToString("G15", CultureInfo.InvariantCulture);

    private static string Date(DateTime date)
    {
        if (date.TimeOfDay == TimeSpan.Zero)
        {
            return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return date.ToString(date.Millisecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture);
    }
}
