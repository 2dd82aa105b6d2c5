using System.Runtime.CompilerServices;
using System.Text.Json;

namespace ProductFlow.Connectors.Replay;

/// <summary>Reads a <see cref="ReplayFile"/>: the rows of a run's quarantine, with the original feed's columns, whatever its format was.</summary>
/// <remarks>
/// Streams one line at a time. <see cref="SourceRow.Line"/> is the row's line in the replay file (so lineage and issues point
/// there), <see cref="SourceRow.Location"/> its line in the original feed (<c>supplier.csv:12</c>). A mapped column the replayed
/// feed did not have fails the feed, as for a CSV; a file that is not a replay file fails it too.
/// </remarks>
public sealed class ReplayFeedReader : IFeedReader
{
    public async IAsyncEnumerable<SourceRow> ReadAsync(FeedSource source, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var reader = new StreamReader(source.Path, ReplayFile.Utf8);
        var first = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        var (header, feed) = ReadHeader(first, source);
        source.HeaderRead?.Invoke(header);
        long number = 1;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } text)
        {
            number++;
            if (text.Length == 0)
            {
                continue;
            }

            var (line, fields) = ReadRow(text, number, source);
            yield return new SourceRow(source.Name, number, header, fields) { Location = $"{feed}:{line}" };
        }
    }

    private static (FeedHeader Header, string Feed) ReadHeader(string? text, FeedSource source)
    {
        try
        {
            using var json = JsonDocument.Parse(text ?? "");
            var root = json.RootElement;
            if (!root.TryGetProperty("productflow", out var marker) || marker.GetString() != ReplayFile.Marker)
            {
                throw new FeedReadException($"{source.Name}: line 1: not a ProductFlow replay file", source.Path, 1);
            }

            var columns = root.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToList();
            var delimiter = root.TryGetProperty("delimiter", out var d) && d.GetString() is [var c] ? c : ',';
            var header = new FeedHeader(columns, delimiter) { Encoding = "utf-8" };
            var missing = source.RequiredColumns.Where(column => header.IndexOf(column) < 0).ToList();
            if (missing.Count > 0)
            {
                throw new FeedReadException(
                    $"{source.Name}: mapped column(s) {string.Join(", ", missing.Select(m => $"'{m}'"))} missing from the replayed feed (it had: {string.Join(", ", columns)})", source.Path, 1);
            }

            return (header, root.TryGetProperty("feed", out var feed) && feed.GetString() is { } name ? name : "feed");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            throw new FeedReadException($"{source.Name}: line 1: not a ProductFlow replay file ({e.Message})", source.Path, 1, e);
        }
    }

    private static (long Line, string[] Fields) ReadRow(string text, long number, FeedSource source)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            return (root.GetProperty("line").GetInt64(), root.GetProperty("fields").EnumerateArray().Select(f => f.GetString() ?? "").ToArray());
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            throw new FeedReadException($"{source.Name}: line {number}: not a row of a replay file ({e.Message})", source.Path, number, e);
        }
    }
}
