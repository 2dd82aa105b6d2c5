using System.Globalization;
using ProductFlow.Model;

namespace ProductFlow.Server.Console.Products;

/// <summary>How the product page words a value's scope and origin.</summary>
public static class ProductText
{
    /// <summary>"en_US · web · EUR", or "" for a value of every locale, channel and currency.</summary>
    public static string Scope(string? locale, string? channel, string? currency) =>
        string.Join(" · ", new[] { locale, channel, currency }.OfType<string>());

    /// <summary>"supplier-apparel.csv line 4, column gtin", "rule normalize (from … )", with the source (pipeline) that stored it.</summary>
    public static string Origin(ValueOrigin? origin)
    {
        if (origin is null)
        {
            return "unknown (stored before lineage was kept)";
        }

        var parts = new List<string>();
        if (origin.Feed is not null)
        {
            var cell = origin.Feed;
            if (origin.Line is { } line)
            {
                cell += " line " + line.ToString(CultureInfo.InvariantCulture);
            }

            if (origin.Column is not null)
            {
                cell += ", column " + origin.Column;
            }

            parts.Add(cell);
        }

        if (origin.Rule is not null)
        {
            parts.Add((origin.Feed is null ? "set by rule " : "changed by rule ") + origin.Rule);
        }

        if (origin.Source is not null)
        {
            parts.Add("pipeline " + origin.Source);
        }

        return string.Join(" · ", parts);
    }

    public static string Percent(CompletenessScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        return Math.Floor(score.Ratio * 100).ToString(CultureInfo.InvariantCulture) + " %";
    }
}
