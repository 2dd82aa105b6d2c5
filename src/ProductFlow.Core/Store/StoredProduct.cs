using ProductFlow.Model;

namespace ProductFlow.Store;

/// <summary>A product as the store holds it now: its record (values, notes), current version, the channels an error keeps it off, and its lineage.</summary>
/// <remarks><see cref="Lineage"/> is the current version's lineage, aligned with the record's values (both in stored order).</remarks>
public sealed record StoredProduct(ProductRecord Record, int Version, bool Removed, IReadOnlyCollection<string> BlockedChannels, byte[] Lineage)
{
    /// <summary>Reads the stored <c>blocked</c> column (<c>|web|partner|</c>).</summary>
    public static IReadOnlyCollection<string> ParseBlocked(string blocked) =>
        (blocked ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The token that marks <paramref name="channel"/> in the stored <c>blocked</c> column (<c>|web|</c>).</summary>
    public static string BlockedToken(string channel) => "|" + channel + "|";

    /// <summary>Writes the stored <c>blocked</c> column: the channels in ordinal order between bars, empty for none.</summary>
    public static string FormatBlocked(IReadOnlyCollection<string> channels)
    {
        ArgumentNullException.ThrowIfNull(channels);
        if (channels.Count == 0)
        {
            return "";
        }

        // Called for every record a run stores: sorted in place, without an ordered enumerable.
        var sorted = channels.ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
        return "|" + string.Join('|', sorted) + "|";
    }
}
