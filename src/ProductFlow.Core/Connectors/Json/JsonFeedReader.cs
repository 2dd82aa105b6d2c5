using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ProductFlow.Connectors.Text;
using ProductFlow.Model;

namespace ProductFlow.Connectors.Json;

/// <summary>Streams a JSON feed (<c>format: json</c>): one array of product objects, read an element at a time.</summary>
/// <remarks>
/// The file is read in 64 KiB blocks; only the element being read is held whole (up to
/// <see cref="FeedSource.MaxRecordBytes"/>). A row's <see cref="SourceRow.Line"/> is the line where its object starts and
/// its <see cref="SourceRow.Location"/> the JSON path <c>$[index]</c>. An element that is not an object is a row issue
/// (<c>json.not-object</c>). A file that is not an array, or is cut off or malformed, cannot be read to its end:
/// <see cref="FeedReadException"/> with the line. Columns: see <see cref="JsonColumns"/>.
/// </remarks>
public sealed class JsonFeedReader : IFeedReader
{
    private const int ChunkSize = 64 * 1024;

    public async IAsyncEnumerable<SourceRow> ReadAsync(FeedSource source, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var stream = EncodingDetector.OpenFeed(source);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[ChunkSize];
            int start = 0, end = 0;
            long line = 1, index = 0;
            var eof = false;
            var first = true;
            var scanner = new JsonArrayScanner();
            FeedHeader? header = null;
            while (!scanner.Done)
            {
                var found = Scan(scanner, buffer.AsSpan(start, end - start), eof, source, line, index, out var consumed, out var element);
                var elementLine = line + buffer.AsSpan(start, element.Start.Value).Count((byte)'\n');
                line += buffer.AsSpan(start, consumed).Count((byte)'\n');
                if (found == JsonScan.Element)
                {
                    using var document = JsonDocument.Parse(buffer.AsMemory(start + element.Start.Value, element.End.Value - element.Start.Value));
                    header ??= JsonColumns.Header(source, document.RootElement);
                    yield return Row(source, header, document.RootElement, elementLine, index++);
                }

                start += consumed;
                if (found != JsonScan.NeedMore)
                {
                    continue;
                }

                if (eof)
                {
                    throw CutOff(source, line, index, null);
                }

                (buffer, start, end) = Compact(buffer, start, end, source);
                var read = await stream.ReadAsync(buffer.AsMemory(end), cancellationToken).ConfigureAwait(false);
                eof = read == 0;
                end += read;
                if (first)
                {
                    first = false;
                    start += SkipBom(buffer.AsSpan(start, end - start));
                }
            }
        }
    }

    private static JsonScan Scan(JsonArrayScanner scanner, ReadOnlySpan<byte> data, bool eof, FeedSource source, long line, long index, out int consumed, out Range element)
    {
        JsonScan found;
        try
        {
            found = scanner.Next(data, eof, out consumed, out element);
        }
        catch (JsonException e)
        {
            throw CutOff(source, line + (e.LineNumber ?? 0), index, e);
        }

        return found switch
        {
            JsonScan.NotAnArray => throw new FeedReadException(
                $"{source.Name}: line {line}: a json feed is an array of products ([{{...}}, ...]); this file is not an array", source.Path, line)
            {
                Hint = "for one object per line, set source.format to jsonl",
            },
            JsonScan.CutOff => throw CutOff(source, line, index, null),
            _ => found,
        };
    }

    private static FeedReadException CutOff(FeedSource source, long line, long index, JsonException? cause)
    {
        var detail = cause is null ? "the file ends before the array is closed" : cause.Message;
        return new FeedReadException(
            $"{source.Name}: line {line}: the JSON cannot be read past element $[{index.ToString(CultureInfo.InvariantCulture)}]: {detail}", source.Path, line, cause);
    }

    private static SourceRow Row(FeedSource source, FeedHeader header, JsonElement item, long line, long index)
    {
        var location = "$[" + index.ToString(CultureInfo.InvariantCulture) + "]";
        if (item.ValueKind != JsonValueKind.Object)
        {
            var issue = new Issue(Severity.Error, RuleIds.JsonNotObject, $"element {location} is {item.ValueKind.ToString().ToLowerInvariant()}, not a product object")
            { Feed = source.Name, Line = line, Value = item.GetRawText() };
            return new SourceRow(source.Name, line, header, []) { Problem = issue, Raw = item.GetRawText(), Location = location };
        }

        if (JsonColumns.TryFields(item, header, out var error) is { } fields)
        {
            return new SourceRow(source.Name, line, header, fields) { Location = location };
        }

        var bad = new Issue(Severity.Error, RuleIds.JsonMalformed, $"element {location} holds text that cannot be read: {error}") { Feed = source.Name, Line = line };
        return new SourceRow(source.Name, line, header, []) { Problem = bad, Location = location };
    }

    /// <summary>Moves the unread bytes to the front, and doubles the buffer when one element fills it (up to the record limit).</summary>
    private static (byte[] Buffer, int Start, int End) Compact(byte[] buffer, int start, int end, FeedSource source)
    {
        var pending = end - start;
        if (start == 0 && end == buffer.Length)
        {
            if (buffer.Length >= source.MaxRecordBytes)
            {
                throw new FeedReadException($"{source.Name}: an element is larger than {source.MaxRecordBytes} bytes", source.Path);
            }

            var larger = new byte[Math.Min((long)buffer.Length * 2, source.MaxRecordBytes)];
            buffer.AsSpan(0, end).CopyTo(larger);
            return (larger, 0, end);
        }

        buffer.AsSpan(start, pending).CopyTo(buffer);
        return (buffer, 0, pending);
    }

    private static int SkipBom(ReadOnlySpan<byte> data) => data.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
}
