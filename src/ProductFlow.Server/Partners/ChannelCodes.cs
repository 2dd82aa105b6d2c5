using System.Text.RegularExpressions;

namespace ProductFlow.Server.Partners;

/// <summary>A channel code as the catalog allows it (<c>^[A-Za-z0-9_]+$</c>, <c>$defs/code</c> of catalog.schema.json): never a path.</summary>
internal static partial class ChannelCodes
{
    public static bool IsValid(string? code) => code is { Length: > 0 and <= 128 } && Pattern().IsMatch(code);

    [GeneratedRegex("^[A-Za-z0-9_]+$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Pattern();
}
