using ProductFlow.Model;

namespace ProductFlow.Store;

/// <summary>A product as the store holds it now: its record (values, notes), current version, the channels an error keeps it off, and its lineage.</summary>
/// <remarks><see cref="Lineage"/> is the current version's lineage, aligned with the record's values (both in stored order).</remarks>
public sealed record StoredProduct(ProductRecord Record, int Version, bool Removed, IReadOnlyCollection<string> BlockedChannels, byte[] Lineage)
{
    [ThreadStatic]
    private static string[]? _sorting;

    [ThreadStatic]
    private static (string[] Channels, string Text)? _lastBlocked;

    /// <summary>Reads the stored <c>blocked</c> column (<c>|web|partner|</c>).</summary>
    public static IReadOnlyCollection<string> ParseBlocked(string blocked) =>
        (blocked ?? "").Split('|', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The token that marks <paramref name="channel"/> in the stored <c>blocked</c> column (<c>|web|</c>).</summary>
    public static string BlockedToken(string channel) => "|" + channel + "|";

    /// <summary>Whether a stored list of channels between bars (the <c>blocked</c> or <c>checked</c> column) holds <paramref name="channel"/>:
    /// whether it contains <see cref="BlockedToken"/>, found without building it (a publish asks for every record and channel).</summary>
    public static bool Holds(string list, string channel)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(channel);
        var text = list.AsSpan();
        for (var start = 0; start <= text.Length;)
        {
            var at = text[start..].IndexOf(channel, StringComparison.Ordinal);
            if (at < 0)
            {
                return false;
            }

            at += start;
            if (at > 0 && at + channel.Length < text.Length && text[at - 1] == '|' && text[at + channel.Length] == '|')
            {
                return true;
            }

            start = at + 1;
        }

        return false;
    }

    /// <summary>Writes the stored <c>blocked</c> column: the channels in ordinal order between bars, empty for none.</summary>
    /// <remarks>Called for every record a run stores, mostly with the same channels: sorted in a buffer of the thread's, and the thread's
    /// last text given again when the channels are the same.</remarks>
    public static string FormatBlocked(IReadOnlyCollection<string> channels)
    {
        ArgumentNullException.ThrowIfNull(channels);
        if (channels.Count == 0)
        {
            return "";
        }

        var sorted = _sorting is { } buffer && buffer.Length >= channels.Count ? buffer : _sorting = new string[Math.Max(channels.Count, 8)];
        if (channels is ICollection<string> collection)
        {
            collection.CopyTo(sorted, 0);
        }
        else
        {
            var i = 0;
            foreach (var channel in channels)
            {
                sorted[i++] = channel;
            }
        }

        var span = sorted.AsSpan(0, channels.Count);
        span.Sort(string.CompareOrdinal); // a static method's delegate is made once; StringComparer.Ordinal would be wrapped in one per call
        if (_lastBlocked is { } last && span.SequenceEqual(last.Channels))
        {
            return last.Text;
        }

        var text = "|" + string.Join('|', span) + "|";
        _lastBlocked = (span.ToArray(), text);
        return text;
    }
}
