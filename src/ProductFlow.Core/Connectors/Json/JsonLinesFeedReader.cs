using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using ProductFlow.Connectors.Text;
using ProductFlow.Model;

namespace ProductFlow.Connectors.Json;

/// <summary>Streams a JSON Lines feed (<c>format: jsonl</c>): one product object per line.</summary>
/// <remarks>
/// Lines are independent, so a line that is not valid JSON (or not valid UTF-8) is a row issue
/// (<c>json.malformed</c>) and reading goes on; a line that is not an object is <c>json.not-object</c>. Blank lines are
/// skipped. A line longer than <see cref="FeedSource.MaxRecordBytes"/> fails the feed. Columns: see <see cref="JsonColumns"/>.
/// </remarks>
public sealed class JsonLinesFeedReader : IFeedReader
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
            long line = 1;
            var eof = false;
            FeedHeader? header = null;
            while (true)
            {
                var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
                if (newline < 0 && !eof)
                {
                    (buffer, start, end) = Compact(buffer, start, end, source, line);
                    var read = await stream.ReadAsync(buffer.AsMemory(end), cancellationToken).ConfigureAwait(false);
                    eof = read == 0;
                    end += read;
                    continue;
                }

                var length = newline < 0 ? end - start : newline;
                if (length == 0 && newline < 0)
                {
                    yield break;
                }

                var text = buffer.AsMemory(start, length);
                if (line == 1 && text.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
                {
                    text = text[3..];
                }

                if (!text.Span.Trim(" \t\r"u8).IsEmpty && Row(source, text, line, ref header) is { } row)
                {
                    yield return row;
                }

                start += newline < 0 ? length : length + 1;
                line++;
            }
        }
    }

    private static SourceRow? Row(FeedSource source, ReadOnlyMemory<byte> text, long line, ref FeedHeader? header)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            header ??= new FeedHeader(source.RequiredColumns.ToList(), ',') { Encoding = "utf-8" };
            return Problem(source, header, line, RuleIds.JsonMalformed, $"the line is not valid JSON: {e.Message}", text);
        }

        using (document)
        {
            var item = document.RootElement;
            header ??= JsonColumns.Header(source, item);
            if (item.ValueKind != JsonValueKind.Object)
            {
                return Problem(source, header, line, RuleIds.JsonNotObject, $"the line holds a {item.ValueKind.ToString().ToLowerInvariant()}, not a product object", text);
            }

            return JsonColumns.TryFields(item, header, out var error) is { } fields
                ? new SourceRow(source.Name, line, header, fields)
                : Problem(source, header, line, RuleIds.JsonMalformed, $"the line holds text that cannot be read: {error}", text);
        }
    }

    private static SourceRow Problem(FeedSource source, FeedHeader header, long line, string rule, string message, ReadOnlyMemory<byte> text)
    {
        var raw = Encoding.UTF8.GetString(text.Span).TrimEnd('\r');
        var issue = new Issue(Severity.Error, rule, message) { Feed = source.Name, Line = line, Value = raw };
        return new SourceRow(source.Name, line, header, []) { Problem = issue, Raw = raw };
    }

    private static (byte[] Buffer, int Start, int End) Compact(byte[] buffer, int start, int end, FeedSource source, long line)
    {
        if (start == 0 && end == buffer.Length)
        {
            if (buffer.Length >= source.MaxRecordBytes)
            {
                throw new FeedReadException($"{source.Name}: line {line}: the line is longer than {source.MaxRecordBytes} bytes", source.Path, line);
            }

            var larger = new byte[Math.Min((long)buffer.Length * 2, source.MaxRecordBytes)];
            buffer.AsSpan(0, end).CopyTo(larger);
            return (larger, 0, end);
        }

        buffer.AsSpan(start, end - start).CopyTo(buffer);
        return (buffer, 0, end - start);
    }
}
