using ProductFlow.Connectors;

namespace ProductFlow.Tests.Connectors;

/// <summary>Reads a whole feed into a list, for tests of small feeds.</summary>
internal static class FeedReading
{
    public static async Task<List<SourceRow>> ReadAllAsync(this IFeedReader reader, FeedSource source)
    {
        var rows = new List<SourceRow>();
        await foreach (var row in reader.ReadAsync(source))
        {
            rows.Add(row);
        }

        return rows;
    }
}
