using System.Text.RegularExpressions;

namespace ProductFlow.JsonSchema.Regexes;

/// <summary>The regex of a pattern checked when its schema was compiled: interpreted for its first matches, compiled to IL after.</summary>
/// <remarks>
/// Compiling a regex to IL costs ~1 ms; a schema used once per load (a pipeline's, a catalog's) matches each pattern a few
/// times, and a pattern a <see cref="SimplePattern"/> matches on the bytes may never need its regex, while a channel's schema
/// matches once per record. Both engines answer the same. An invalid pattern still fails the schema's compilation, with the
/// message <see cref="EcmaRegex.Get"/> gives. Safe to share between threads: a race compiles the same cached regex.
/// </remarks>
internal sealed class LazyRegex
{
    // The matches before the regex is compiled: more than a definition file makes, nothing against a feed's records.
    private const int InterpretedMatches = 32;

    private readonly string _pattern;
    private readonly Regex _interpreted;
    private Regex? _compiled;
    private int _matches;

    private LazyRegex(string pattern, Regex regex)
    {
        _pattern = pattern;
        _interpreted = regex;
        _compiled = (regex.Options & RegexOptions.Compiled) != 0 ? regex : null;
    }

    /// <summary>The regex to match with now.</summary>
    public Regex Value => _compiled ?? Next();

    /// <summary>The lazy regex of <paramref name="pattern"/>; throws <see cref="FormatException"/> now when the pattern is invalid, as <see cref="EcmaRegex.Get"/> would.</summary>
    public static LazyRegex Of(string pattern) => new(pattern, EcmaRegex.Parse(pattern));

    private Regex Next() => Interlocked.Increment(ref _matches) <= InterpretedMatches ? _interpreted : _compiled = EcmaRegex.Get(_pattern);
}
