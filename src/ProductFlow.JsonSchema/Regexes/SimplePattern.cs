using System.Text;

namespace ProductFlow.JsonSchema.Regexes;

/// <summary>A fast path for the patterns product data uses most: an optional <c>^</c>, a flat
/// sequence of ASCII character classes or literals with quantifiers, an optional <c>$</c>
/// (<c>^[0-9]{8,14}$</c>, <c>^apparel</c>, <c>^[A-Z]{2}-\d+$</c>), matched on the raw UTF-8 bytes.</summary>
/// <remarks>Only sequences where each variable-length atom's class is disjoint from the next atom's
/// class are accepted, so greedy matching without backtracking gives exactly the regex answer.
/// Everything else (groups, alternation, negated classes, <c>.</c>, non-ASCII) returns <c>null</c>
/// from <see cref="TryParse"/> and goes to <see cref="EcmaRegex"/>.</remarks>
internal sealed class SimplePattern
{
    private readonly Atom[] _atoms;
    private readonly bool _anchoredStart;
    private readonly bool _anchoredEnd;

    private SimplePattern(Atom[] atoms, bool anchoredStart, bool anchoredEnd)
    {
        _atoms = atoms;
        _anchoredStart = anchoredStart;
        _anchoredEnd = anchoredEnd;
    }

    public static SimplePattern? TryParse(string pattern)
    {
        var i = 0;
        var start = pattern.StartsWith('^');
        if (start)
        {
            i++;
        }

        var end = pattern.Length > i && pattern[^1] == '$' && (pattern.Length < 2 || pattern[^2] != '\\');
        var stop = end ? pattern.Length - 1 : pattern.Length;
        var atoms = new List<Atom>();
        while (i < stop)
        {
            var set = new UInt128();
            if (!TryClass(pattern, ref i, stop, ref set))
            {
                return null;
            }

            var (min, max) = (1, 1);
            if (i < stop && !TryQuantifier(pattern, ref i, stop, out min, out max))
            {
                return null;
            }

            atoms.Add(new Atom(set, Table(set), min, max));
        }

        for (var a = 0; a + 1 < atoms.Count; a++)
        {
            if (atoms[a].Min != atoms[a].Max && (atoms[a].Set & atoms[a + 1].Set) != UInt128.Zero)
            {
                return null;
            }
        }

        // Unanchored, a trailing variable atom could stop anywhere; only the leading-anchor or fully literal cases stay simple.
        return atoms.Count == 0 || (!start && atoms.Any(a => a.Min != a.Max)) ? null : new SimplePattern([.. atoms], start, end);
    }

    /// <summary>Matches unescaped UTF-8 text.</summary>
    public bool IsMatch(ReadOnlySpan<byte> text)
    {
        if (_anchoredStart)
        {
            return MatchAt(text, 0);
        }

        for (var offset = 0; offset <= text.Length; offset++)
        {
            if (MatchAt(text, offset))
            {
                return true;
            }
        }

        return false;
    }

    private bool MatchAt(ReadOnlySpan<byte> text, int position)
    {
        foreach (var atom in _atoms)
        {
            var count = 0;
            var table = atom.Table;
            while (count < atom.Max && position < text.Length && text[position] < 128 && table[text[position]])
            {
                count++;
                position++;
            }

            if (count < atom.Min)
            {
                return false;
            }
        }

        return !_anchoredEnd || position == text.Length;
    }

    private static bool TryClass(string p, ref int i, int stop, ref UInt128 set)
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

    private static bool TryEscape(char escaped, ref UInt128 set)
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

    private static void Add(ref UInt128 set, char low, char high)
    {
        for (var x = low; x <= high; x++)
        {
            set |= UInt128.One << x;
        }
    }

    private static bool TryQuantifier(string p, ref int i, int stop, out int min, out int max)
    {
        (min, max) = (1, 1);
        switch (p[i])
        {
            case '?':
                (min, max) = (0, 1);
                break;
            case '*':
                (min, max) = (0, int.MaxValue);
                break;
            case '+':
                (min, max) = (1, int.MaxValue);
                break;
            case '{':
                var close = p.IndexOf('}', i);
                if (close < 0 || close >= stop)
                {
                    return false;
                }

                var body = p[(i + 1)..close].Split(',');
                if (body.Length > 2 || !int.TryParse(body[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out min))
                {
                    return false;
                }

                max = body.Length == 1 ? min
                    : body[1].Length == 0 ? int.MaxValue
                    : int.TryParse(body[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var upper) && upper >= min ? upper : -1;
                if (max < 0)
                {
                    return false;
                }

                i = close;
                break;
            default:
                return true;
        }

        i++;
        return i >= stop || p[i] is not ('?' or '*' or '+' or '{');
    }

    private static bool[] Table(UInt128 set)
    {
        var table = new bool[128];
        for (var b = 0; b < 128; b++)
        {
            table[b] = (set & (UInt128.One << b)) != UInt128.Zero;
        }

        return table;
    }

    /// <summary>A character class (as a 128-entry lookup table) repeated between <c>Min</c> and <c>Max</c> times.</summary>
    private sealed record Atom(UInt128 Set, bool[] Table, int Min, int Max);
}
