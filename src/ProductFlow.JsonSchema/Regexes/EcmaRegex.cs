using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace ProductFlow.JsonSchema.Regexes;

/// <summary>Creates .NET regexes from ECMA-262 patterns, compiled once and shared per process.</summary>
/// <remarks>See <see cref="EcmaRegexTranslator"/> for the translation and the remaining differences.
/// Patterns are matched with <see cref="RegexOptions.CultureInvariant"/>, unanchored, without a timeout.</remarks>
internal static class EcmaRegex
{
    private const int CacheLimit = 2048;

    private static readonly ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);

    /// <summary>The compiled regex for <paramref name="pattern"/>; throws <see cref="FormatException"/> when invalid.</summary>
    public static Regex Get(string pattern)
    {
        if (Cache.TryGetValue(pattern, out var cached))
        {
            return cached;
        }

        var regex = Create(pattern, RegexOptions.Compiled);
        if (Cache.Count < CacheLimit)
        {
            Cache.TryAdd(pattern, regex);
        }

        return regex;
    }

    /// <summary>The regex for <paramref name="pattern"/> as <see cref="Get"/> has compiled it, else parsed for the interpreter
    /// (not compiled, not cached); throws the <see cref="FormatException"/> <see cref="Get"/> would throw when invalid.</summary>
    public static Regex Parse(string pattern) => Cache.TryGetValue(pattern, out var cached) ? cached : Create(pattern, RegexOptions.None);

    /// <summary>Whether <paramref name="pattern"/> is a valid ECMA-262 regular expression (as far as the translation knows).</summary>
    public static bool IsValid(string pattern)
    {
        try
        {
            Create(pattern, RegexOptions.None);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static bool MayHaveBackreferences(string pattern)
    {
        for (var i = pattern.IndexOf('\\', StringComparison.Ordinal); i >= 0 && i + 1 < pattern.Length; i = pattern.IndexOf('\\', i + 2))
        {
            if (pattern[i + 1] is (>= '1' and <= '9') or 'k')
            {
                return true;
            }
        }

        return false;
    }

    private static Regex Create(string pattern, RegexOptions options)
    {
        var translated = EcmaRegexTranslator.Translate(pattern);

        // Without backreferences nothing needs captures, and not recording them makes matching cheaper.
        if (!MayHaveBackreferences(pattern))
        {
            options |= RegexOptions.ExplicitCapture;
        }

        try
        {
            return new Regex(translated, options | RegexOptions.CultureInvariant);
        }
        catch (ArgumentException ex)
        {
            throw new FormatException(ex.Message, ex);
        }
    }
}
