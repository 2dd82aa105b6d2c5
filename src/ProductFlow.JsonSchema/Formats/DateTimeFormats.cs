namespace ProductFlow.JsonSchema.Formats;

/// <summary>RFC 3339 <c>full-date</c>, <c>full-time</c>, <c>date-time</c> and ISO 8601 durations (RFC 3339 appendix A).</summary>
internal static class DateTimeFormats
{
    public static bool IsDate(ReadOnlySpan<char> s)
    {
        if (s.Length != 10 || s[4] != '-' || s[7] != '-'
            || !TryDigits(s[..4], out var year) || !TryDigits(s.Slice(5, 2), out var month) || !TryDigits(s.Slice(8, 2), out var day))
        {
            return false;
        }

        return month is >= 1 and <= 12 && day >= 1 && day <= DaysIn(year, month);
    }

    /// <summary><c>HH:MM:SS[.frac](Z|±HH:MM)</c>; second 60 only where the UTC time is 23:59:60.</summary>
    public static bool IsTime(ReadOnlySpan<char> s)
    {
        if (s.Length < 9 || s[2] != ':' || s[5] != ':'
            || !TryDigits(s[..2], out var hour) || !TryDigits(s.Slice(3, 2), out var minute) || !TryDigits(s.Slice(6, 2), out var second))
        {
            return false;
        }

        var i = 8;
        if (s[i] == '.')
        {
            var start = ++i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == start)
            {
                return false;
            }
        }

        if (i >= s.Length)
        {
            return false;
        }

        int offsetMinutes;
        if (s[i] is 'Z' or 'z')
        {
            if (i + 1 != s.Length)
            {
                return false;
            }

            offsetMinutes = 0;
        }
        else if (s[i] is '+' or '-')
        {
            var offset = s[(i + 1)..];
            if (offset.Length != 5 || offset[2] != ':' || !TryDigits(offset[..2], out var offsetHour) || !TryDigits(offset.Slice(3, 2), out var offsetMinute)
                || offsetHour > 23 || offsetMinute > 59)
            {
                return false;
            }

            offsetMinutes = (s[i] == '+' ? 1 : -1) * ((offsetHour * 60) + offsetMinute);
        }
        else
        {
            return false;
        }

        if (hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        if (second == 60)
        {
            var utcMinutes = ((((hour * 60) + minute - offsetMinutes) % 1440) + 1440) % 1440;
            return utcMinutes == (23 * 60) + 59;
        }

        return true;
    }

    public static bool IsDateTime(ReadOnlySpan<char> s) =>
        s.Length > 11 && s[10] is 'T' or 't' && IsDate(s[..10]) && IsTime(s[11..]);

    /// <summary><c>P[nY][nM][nW][nD][T[nH][nM][nS]]</c> with at least one element, and elements in order.</summary>
    public static bool IsDuration(ReadOnlySpan<char> s)
    {
        if (s.Length < 2 || s[0] != 'P')
        {
            return false;
        }

        const string dateUnits = "YMWD";
        const string timeUnits = "HMS";
        var i = 1;
        var units = dateUnits;
        var lastUnit = -1;
        var any = false;
        var inTime = false;
        while (i < s.Length)
        {
            if (s[i] == 'T')
            {
                if (inTime)
                {
                    return false;
                }

                inTime = true;
                units = timeUnits;
                lastUnit = -1;
                i++;
                if (i == s.Length)
                {
                    return false;
                }

                continue;
            }

            var start = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == start || i == s.Length)
            {
                return false;
            }

            var unit = units.IndexOf(s[i], StringComparison.Ordinal);
            if (unit <= lastUnit)
            {
                return false;
            }

            lastUnit = unit;
            any = true;
            i++;
        }

        return any;
    }

    private static int DaysIn(int year, int month) => month switch
    {
        2 => (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    private static bool TryDigits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
