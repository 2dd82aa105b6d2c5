using System.Text.Json;
using System.Text.RegularExpressions;
using ProductFlow.JsonSchema.Compilation;
using ProductFlow.JsonSchema.Json;
using ProductFlow.JsonSchema.Regexes;

namespace ProductFlow.JsonSchema.Keywords;

/// <summary>Checking <c>pattern</c>/<c>patternProperties</c> regexes (<see cref="LazyRegex"/>: compiled to IL after their first matches) with load errors that point at
/// the keyword, and matching property names without allocating.</summary>
internal static class PatternMatching
{
    public static LazyRegex CheckedRegex(NodeBuilder builder, string keyword, string pattern)
    {
        try
        {
            return LazyRegex.Of(pattern);
        }
        catch (FormatException ex)
        {
            throw builder.Invalid(keyword, $"invalid regular expression '{pattern}': {ex.Message}");
        }
    }

    public static bool NameMatches(Regex regex, JsonProperty property) => JsonText.CheckName(property, regex, IsMatch);

    private static bool IsMatch(Regex regex, ReadOnlySpan<char> text) => regex.IsMatch(text);
}
