using System.Text.RegularExpressions;

namespace ProductFlow.Access;

/// <summary>What a partner, supplier or user may be called: letters, digits, <c>_</c> and <c>-</c>, starting with a letter or digit,
/// at most 64 characters, so that a name is safe in a URL path, a file name and a log line as it is.</summary>
public static partial class PrincipalNames
{
    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Pattern();
}
