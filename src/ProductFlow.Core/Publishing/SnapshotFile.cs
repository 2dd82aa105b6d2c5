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
    /// Each line is parsed from its UTF-8 bytes with <see cref="Utf8JsonReader"/> (no string of the line, no document): a publish reads
    /// its channel's current version whole. A row's names are the row before's array when they are the same, and a text the string of
    /// the row before's at the same place when its bytes are the same: a model's variants repeat most of their fields.
    /// </remarks>
    public static IEnumerable<SnapshotRow> Read(Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var gzip = new GZipStream(input, CompressionMode.Decompress, leaveOpen: true);
        using var lines = new Utf8Lines(gzip);
        var rows = new RowReader();
        while (lines.Next() is { } line)
        {
            yield return rows.Parse(line.Span);
        }
    }
    public sealed class Writer : IDisposable
    {
        // Rows are small: they are written as JSON into one buffer, handed to gzip 64 KB at a time. Nothing is flushed before
        // the end (a flush per row would be a sync point of the compressor and a system call per row).
        private const int Block = 1 << 16;

        private static readonly JsonEncodedText SkuName = JsonEncodedText.Encode("s");
        private static readonly JsonEncodedText ModelName = JsonEncodedText.Encode("m");
        private static readonly JsonEncodedText FieldsName = JsonEncodedText.Encode("f");

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
            _json.Reset();
            _json.WriteStartObject();
            _json.WriteString(SkuName, row.Sku);
            if (row.Model is not null)
            {
                _json.WriteString(ModelName, row.Model);
            }

            _json.WriteStartObject(FieldsName);
            for (var i = 0; i < row.Count; i++)
            {
                if (row.EncodedName(i) is { } name)
                {
                    _json.WriteString(name, row.Text(i));
                }
                else
                {
                    _json.WriteString(row.Name(i), row.Text(i));
                }
            }

            _json.WriteEndObject();
            _json.WriteEndObject();
            _json.Flush();
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
