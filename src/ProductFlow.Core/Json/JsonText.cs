using System.Buffers;
using System.Text;
using System.Text.Json;

namespace ProductFlow.Json;

/// <summary>Small JSON documents written to a string with a buffer and a writer kept per thread.</summary>
/// <remarks>
/// A <see cref="Utf8JsonWriter"/> over a new <see cref="MemoryStream"/> allocates the writer, a 4 KB staging buffer, the stream's own
/// buffer and a copy of it before the string: ~5 KB for a record's few hundred bytes of notes, written once per record. Here only the
/// string is new, and not even that when the text is the thread's last one again (a run's records mostly have the same notes). The text
/// is the same (default writer options). A write inside another's callback gets buffers of its own.
/// </remarks>
internal static class JsonText
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? _writer;

    [ThreadStatic]
    private static bool _busy;

    [ThreadStatic]
    private static byte[]? _lastBytes; // the thread's last text, as written (its first _lastLength bytes), and as a string

    [ThreadStatic]
    private static int _lastLength;

    [ThreadStatic]
    private static string? _lastText;

    public static string Write<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (_busy)
        {
            var buffer = new ArrayBufferWriter<byte>(512);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                write(writer, state);
            }

            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }

        _busy = true;
        try
        {
            var buffer = _buffer ??= new ArrayBufferWriter<byte>(1024);
            buffer.ResetWrittenCount();
            var writer = _writer ??= new Utf8JsonWriter(buffer);
            writer.Reset(buffer);
            write(writer, state);
            writer.Flush();
            return TextOf(buffer.WrittenSpan);
        }
        finally
        {
            _busy = false;
        }
    }

    private static string TextOf(ReadOnlySpan<byte> written)
    {
        if (_lastText is not null && written.SequenceEqual(_lastBytes.AsSpan(0, _lastLength)))
        {
            return _lastText;
        }

        if (_lastBytes is null || _lastBytes.Length < written.Length)
        {
            _lastBytes = new byte[Math.Max(written.Length, 256)];
        }

        written.CopyTo(_lastBytes);
        _lastLength = written.Length;
        return _lastText = Encoding.UTF8.GetString(written);
    }
}
