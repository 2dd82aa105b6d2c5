using System.Text.RegularExpressions;

namespace ProductFlow.JsonSchema.Regexes;

/// <summary>The compiled regex of a pattern already known to be valid, compiled on first use (<see cref="EcmaRegex.Get"/>).</summary>
/// <remarks>
/// A schema's patterns are checked when it is compiled, so an invalid one still fails the load; compiling a regex to IL
/// costs ~1 ms, and a pattern a <see cref="SimplePattern"/> matches on the bytes, or one in a schema used once, may never
/// need its regex. Safe to share between threads: two first uses at once both get the cached regex or equal ones.
/// </remarks>
internal sealed class LazyRegex
{
    private readonly string _pattern;
    private Regex? _regex;

    private LazyRegex(string pattern) => _pattern = pattern;

    /// <summary>The regex, compiled on the first call.</summary>
    public Regex Value => _regex ??= EcmaRegex.Get(_pattern);

    /// <summary>The lazy regex of <paramref name="pattern"/>; throws <see cref="FormatException"/> now when the pattern is invalid, as <see cref="EcmaRegex.Get"/> would.</summary>
    public static LazyRegex Of(string pattern)
    {
        EcmaRegex.Check(pattern);
        return new LazyRegex(pattern);
    }
}
