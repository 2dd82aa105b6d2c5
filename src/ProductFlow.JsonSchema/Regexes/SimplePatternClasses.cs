namespace ProductFlow.JsonSchema.Regexes;

/// <summary>The character classes and escapes of <see cref="SimplePattern"/>, as 128-bit ASCII sets.</summary>
internal static class SimplePatternClasses
{
    internal static bool TryClass(string p, ref int i, int stop, ref UInt128 set)
    {
        var c = p[i];
        if (c == '\\')
        {
            if (i + 1 >= stop)
            {
                return false;
            }

            var escaped = p[i + 1];
            i += 2;
            return TryEscape(escaped, ref set);
        }

        if (c == '[')
        {
            i++;
            if (i < stop && p[i] == '^')
            {
                return false;
            }

            while (i < stop && p[i] != ']')
            {
                char low;
                if (p[i] == '\\')
                {
                    if (i + 1 >= stop || !TryEscape(p[i + 1], ref set))
                    {
                        return false;
                    }

                    i += 2;
                    continue;
                }

                low = p[i++];
                var high = low;
                if (i + 1 < stop && p[i] == '-' && p[i + 1] != ']' && p[i + 1] != '\\')
                {
                    high = p[i + 1];
                    i += 2;
                }

                if (high >= 128 || low > high || low == '[')
                {
                    return false;
                }

                for (var x = low; x <= high; x++)
                {
                    set |= UInt128.One << x;
                }
            }

            if (i >= stop)
            {
                return false;
            }

            i++;
            return set != UInt128.Zero;
        }

        if (c >= 128 || "^$.|?*+()[]{}".Contains(c, StringComparison.Ordinal))
        {
            return false;
        }

        set |= UInt128.One << c;
        i++;
        return true;
    }

    internal static bool TryEscape(char escaped, ref UInt128 set)
    {
        const string Punctuation = "^$\\.*+?()[]{}|/-";
        switch (escaped)
        {
            case 'd':
                Add(ref set, '0', '9');
                return true;
            case 'w':
                Add(ref set, 'a', 'z');
                Add(ref set, 'A', 'Z');
                Add(ref set, '0', '9');
                set |= UInt128.One << '_';
                return true;
            case var p when Punctuation.Contains(p, StringComparison.Ordinal):
                set |= UInt128.One << p;
                return true;
            default:
                return false;
        }
    }

    internal static void Add(ref UInt128 set, char low, char high)
    {
        for (var x = low; x <= high; x++)
        {
            set |= UInt128.One << x;
        }
    }
}
