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

    /// <summary>RFC 3339 appendix A: <c>PnW</c>, or <c>P</c> date units Y, M, D and/or <c>T</c> time units
    /// H, M, S, each run contiguous (no "P1Y2D") and in order, whole numbers only.</summary>
    public static bool IsDuration(ReadOnlySpan<char> s)
    {
        if (s.Length < 3 || s[0] != 'P')
        {
            return false;
        }

        s = s[1..];
        if (s[^1] == 'W')
        {
            return IsDigits(s[..^1]);
        }

        var t = s.IndexOf('T');
        var date = t < 0 ? s : s[..t];
        if (t >= 0 && t == s.Length - 1)
        {
            return false;
        }

        return (date.Length > 0 || t >= 0) && ContiguousUnits(date, "YMD") && (t < 0 || ContiguousUnits(s[(t + 1)..], "HMS"));
    }

    private static bool ContiguousUnits(ReadOnlySpan<char> s, string units)
    {
        var last = -1;
        while (s.Length > 0)
        {
            var digits = 0;
            while (digits < s.Length && char.IsAsciiDigit(s[digits]))
            {
                digits++;
            }

            if (digits == 0 || digits == s.Length)
            {
                return false;
            }

            var unit = units.IndexOf(s[digits], StringComparison.Ordinal);
            if (unit < 0 || (last >= 0 && unit != last + 1))
            {
                return false;
            }

            last = unit;
            s = s[(digits + 1)..];
        }

        return true;
    }

    private static bool IsDigits(ReadOnlySpan<char> s) => s.Length > 0 && !s.ContainsAnyExceptInRange('0', '9');

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
