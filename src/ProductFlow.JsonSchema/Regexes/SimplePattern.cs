using System.Buffers;
using System.Text;

namespace ProductFlow.JsonSchema.Regexes;

/// <summary>A fast path for the patterns product data uses most: an optional <c>^</c>, a flat
/// sequence of ASCII character classes or literals with quantifiers, optionally ending in one optional
/// group of such atoms, and an optional <c>$</c> (<c>^[0-9]{8,14}$</c>, <c>^apparel</c>,
/// <c>^[A-Z]{3}-[0-9]{6}(-[A-Z0-9]{1,4})?$</c>), matched on the raw UTF-8 bytes.</summary>
/// <remarks>Only sequences where each variable-length atom's class is disjoint from the next atom's
/// class are accepted, so greedy matching without backtracking gives exactly the regex answer.
/// Everything else (groups, alternation, negated classes, <c>.</c>, non-ASCII) returns <c>null</c>
/// from <see cref="TryParse"/> and goes to <see cref="EcmaRegex"/>.</remarks>
internal sealed class SimplePattern
{
    private const int ShortRun = 16;

    private readonly Atom[] _atoms;
    private readonly Atom[] _optionalTail;
    private readonly bool _anchoredStart;
    private readonly bool _anchoredEnd;

    private SimplePattern(Atom[] atoms, Atom[] optionalTail, bool anchoredStart, bool anchoredEnd)
    {
        _atoms = atoms;
        _optionalTail = optionalTail;
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
        var groupStart = pattern.IndexOf('(', i);
        var atoms = ParseAtoms(pattern, ref i, groupStart < 0 ? stop : groupStart);
        List<Atom>? tail = [];
        if (atoms is not null && groupStart >= 0)
        {
            // Only "(...)?" or "(?:...)?" as the very last item.
            i = pattern.AsSpan(groupStart).StartsWith("(?:") ? groupStart + 3 : groupStart + 1;
            var close = pattern.IndexOf(')', i);
            tail = close == stop - 2 && pattern[stop - 1] == '?' ? ParseAtoms(pattern, ref i, close) : null;
            if (tail is not null && atoms.Count > 0 && tail.Count > 0 && !Disjoint(atoms[^1], tail[0]))
            {
                tail = null;
            }
        }

        if (atoms is null || tail is null || atoms.Count + tail.Count == 0 || (!start && atoms.Concat(tail).Any(a => a.Min != a.Max)))
        {
            // Unanchored, a variable atom could start anywhere: leave those to the regex engine.
            return null;
        }

        return new SimplePattern(MergeLiterals(atoms), MergeLiterals(tail), start, end);
    }

    /// <summary>Runs of single literal characters become one byte-string comparison.</summary>
    private static Atom[] MergeLiterals(List<Atom> atoms)
    {
        var merged = new List<Atom>();
        var literal = new List<byte>();
        foreach (var atom in atoms)
        {
            if (atom is { Min: 1, Max: 1 } && UInt128.PopCount(atom.Set) == UInt128.One)
            {
                literal.Add((byte)UInt128.TrailingZeroCount(atom.Set));
                continue;
            }

            Flush();
            merged.Add(atom);
        }

        Flush();
        return [.. merged];

        void Flush()
        {
            if (literal.Count > 0)
            {
                merged.Add(new Atom(UInt128.Zero, [], SearchValues.Create(ReadOnlySpan<byte>.Empty), literal.Count, literal.Count) { Literal = [.. literal] });
                literal.Clear();
            }
        }
    }

    private static List<Atom>? ParseAtoms(string pattern, ref int i, int stop)
    {
        var atoms = new List<Atom>();
        while (i < stop)
        {
            var set = new UInt128();
            if (!SimplePatternClasses.TryClass(pattern, ref i, stop, ref set))
            {
                return null;
            }

            var (min, max) = (1, 1);
            if (i < stop && !TryQuantifier(pattern, ref i, stop, out min, out max))
            {
                return null;
            }

            var atom = new Atom(set, Table(set), Bytes(set), min, max);
            if (atoms.Count > 0 && !Disjoint(atoms[^1], atom))
            {
                return null;
            }

            atoms.Add(atom);
        }

        return atoms;
    }

    /// <summary>A variable-length atom must not share characters with the next one, so greedy matching is exact.</summary>
    private static bool Disjoint(Atom current, Atom next) => current.Min == current.Max || (current.Set & next.Set) == UInt128.Zero;

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
        position = Match(_atoms, text, position);
        if (position < 0)
        {
            return false;
        }

        if (_optionalTail.Length > 0)
        {
            var withTail = Match(_optionalTail, text, position);
            if (withTail >= 0 && (!_anchoredEnd || withTail == text.Length))
            {
                return true;
            }
        }

        return !_anchoredEnd || position == text.Length;
    }

    /// <summary>Greedy match of a run of atoms; the position after it, or -1.</summary>
    private static int Match(Atom[] atoms, ReadOnlySpan<byte> text, int position)
    {
        foreach (var atom in atoms)
        {
            if (atom.Literal is not null)
            {
                if (!text[position..].StartsWith(atom.Literal))
                {
                    return -1;
                }

                position += atom.Literal.Length;
                continue;
            }

            var run = text[position..];
            if (run.Length > atom.Max)
            {
                run = run[..atom.Max];
            }

            int count;
            if (run.Length <= ShortRun)
            {
                // Short runs: a table loop beats the vectorised search's setup.
                var table = atom.Table;
                count = 0;
                while (count < run.Length && run[count] < 128 && table[run[count]])
                {
                    count++;
                }
            }
            else
            {
                count = run.IndexOfAnyExcept(atom.Bytes);
                if (count < 0)
                {
                    count = run.Length;
                }
            }

            position += count;

            if (count < atom.Min)
            {
                return -1;
            }
        }

        return position;
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

    private static SearchValues<byte> Bytes(UInt128 set)
    {
        var bytes = new List<byte>();
        for (var b = 0; b < 128; b++)
        {
            if ((set & (UInt128.One << b)) != UInt128.Zero)
            {
                bytes.Add((byte)b);
            }
        }

        return SearchValues.Create([.. bytes]);
    }

    /// <summary>A character class (ASCII bytes, searched vectorised) repeated between <c>Min</c> and <c>Max</c> times.</summary>
    private sealed record Atom(UInt128 Set, bool[] Table, SearchValues<byte> Bytes, int Min, int Max)
    {
        /// <summary>Set for a merged run of literal characters, matched as one byte string.</summary>
        public byte[]? Literal { get; init; }
    }
}
