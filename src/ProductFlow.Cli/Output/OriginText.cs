using System.Globalization;
using ProductFlow.Model;

namespace ProductFlow.Cli.Output;

/// <summary>A value's origin as <c>explain</c> and <c>history</c> print it: <c>  (erp: prices.csv:2 price)</c>, <c>  (demo: rule template)</c>.</summary>
internal static class OriginText
{
    public static string Of(ValueOrigin? origin)
    {
        var where = origin switch
        {
            null => null,
            { Feed: { } feed, Rule: { } rule } => string.Create(CultureInfo.InvariantCulture, $"{feed}:{origin.Line} {origin.Column}, changed by {rule}"),
            { Rule: { } rule } => $"rule {rule}",
            _ => string.Create(CultureInfo.InvariantCulture, $"{origin.Feed}:{origin.Line} {origin.Column}"),
        };
        return where is null ? "" : origin!.Source is { } source ? $"  ({source}: {where})" : $"  ({where})";
    }
}
