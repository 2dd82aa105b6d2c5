using System.Buffers;
using System.IO.Compression;
using System.Text.Json;

namespace ProductFlow.Publishing;

/// <summary>The state file of a published version: one JSON line per record (<c>{"s":sku,"m":model,"f":{field:text}}</c>), in channel order, gzipped.</summary>
public static class SnapshotFile
{
    /// <summary>Writes rows one at a time to <paramref name="output"/>; disposing the writer finishes the gzip stream but leaves <paramref name="output"/> open.</summary>
    public static Writer Create(Stream output) => new(output);

    /// <summary>The rows of a state file, streamed.</summary>
    /// <remarks>
    /// Each line is read from its UTF-8 bytes with <see cref="Utf8JsonReader"/> up to its fields (no string of the line, no document)
    /// and kept: a publish reads its channel's current version whole, and compares most rows on their lines (<see cref="SnapshotRow.Changes"/>).
    /// A row's fields are parsed when first asked for, and a broken line fails then, with a <see cref="JsonException"/>. The rows of
    /// one file are read by one thread at a time.
    /// </remarks>
    public static IEnumerable<SnapshotRow> Read(Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var gzip = new GZipStream(input, CompressionMode.Decompress, leaveOpen: true);
        using var lines = new Utf8Lines(gzip);
        var rows = new RowReader();
        while (lines.Next() is { } line)
        {
            yield return rows.Read(line.Span);
        }
    }

    /// <summary>The line <paramref name="row"/> has in a state file: JSON, UTF-8, without its line feed.</summary>
    internal static byte[] LineOf(SnapshotRow row)
    {
        var line = _lines ??= new LineWriter();
        line.Buffer.ResetWrittenCount();
        line.Json.Reset();
        WriteRow(line.Json, row);
        line.Json.Flush();
        return line.Buffer.WrittenSpan.ToArray();
    }

    [ThreadStatic]
    private static LineWriter? _lines;

    private static readonly JsonEncodedText SkuName = JsonEncodedText.Encode("s");
    private static readonly JsonEncodedText ModelName = JsonEncodedText.Encode("m");
    private static readonly JsonEncodedText FieldsName = JsonEncodedText.Encode("f");

    private static void WriteRow(Utf8JsonWriter json, SnapshotRow row)
    {
        json.WriteStartObject();
        json.WriteString(SkuName, row.Sku);
        if (row.Model is not null)
        {
            json.WriteString(ModelName, row.Model);
        }

        json.WriteStartObject(FieldsName);
        for (var i = 0; i < row.Count; i++)
        {
            if (row.EncodedName(i) is { } name)
            {
                json.WriteString(name, row.Text(i));
            }
            else
            {
                json.WriteString(row.Name(i), row.Text(i));
            }
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    // A thread's buffer and writer for the lines of rows compared with a state file's.
    private sealed class LineWriter
    {
        public ArrayBufferWriter<byte> Buffer { get; } = new(4096);

        public Utf8JsonWriter Json { get; }

        public LineWriter() => Json = new Utf8JsonWriter(Buffer, new JsonWriterOptions { SkipValidation = true });
    }

    public sealed class Writer : IDisposable
    {
        // Rows are small: they are written as JSON into one buffer, handed to gzip 64 KB at a time. Nothing is flushed before
        // the end (a flush per row would be a sync point of the compressor and a system call per row).
        private const int Block = 1 << 16;

        private readonly GZipStream _gzip;
        private readonly ArrayBufferWriter<byte> _buffer = new(Block + 4096);
        private readonly Utf8JsonWriter _json;
        private bool _disposed;

        internal Writer(Stream output)
        {
            _gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true);
            _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });
        }

        public void Write(SnapshotRow row)
        {
            ArgumentNullException.ThrowIfNull(row);
            if (row.Line is { } line)
            {
                _buffer.Write(line); // the line made when the row was compared with the version before, or read from it
            }
            else
            {
                _json.Reset();
                WriteRow(_json, row);
                _json.Flush();
            }

            _buffer.Write("\n"u8);
            if (_buffer.WrittenCount >= Block)
            {
                WriteBuffer();
            }
        }

        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _json.Dispose();
            WriteBuffer();
            _gzip.Dispose();
        }

        private void WriteBuffer()
        {
            _gzip.Write(_buffer.WrittenSpan);
            _buffer.ResetWrittenCount();
        }
    }
}
