using System.Buffers;
using System.Text.Unicode;

namespace ProductFlow.Connectors.Text;

/// <summary>Checks a stream for valid UTF-8 and NUL bytes in one streaming pass, counting lines to name where a problem is.</summary>
internal static class Utf8Scanner
{
    private const int ChunkSize = 64 * 1024;

    public static async Task<Utf8ScanResult> ScanAsync(Stream stream, CancellationToken cancellationToken)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(ChunkSize + 4);
        var chars = ArrayPool<char>.Shared.Rent(ChunkSize + 4);
        try
        {
            long offset = 0; // of bytes[0] in the stream
            long line = 1;
            var pending = 0; // bytes of an incomplete sequence carried from the previous chunk
            long? nonAscii = null; // the line of the first byte outside ASCII
            while (true)
            {
                var read = await stream.ReadAsync(bytes.AsMemory(pending, ChunkSize), cancellationToken).ConfigureAwait(false);
                var final = read == 0;
                var data = bytes.AsSpan(0, pending + read);
                if (data.IndexOf((byte)0) is var nul and >= 0)
                {
                    return new Utf8ScanResult(null, null, offset + nul, line + data[..nul].Count((byte)'\n'));
                }

                var status = Utf8.ToUtf16(data, chars, out var consumed, out _, replaceInvalidSequences: false, isFinalBlock: final);
                if (status == System.Buffers.OperationStatus.InvalidData)
                {
                    return new Utf8ScanResult(offset + consumed, line + data[..consumed].Count((byte)'\n'), null, null);
                }

                if (nonAscii is null && data[..consumed].IndexOfAnyInRange((byte)0x80, (byte)0xFF) is var high and >= 0)
                {
                    nonAscii = line + data[..high].Count((byte)'\n');
                }

                if (final)
                {
                    return new Utf8ScanResult(null, null, null, null) { FirstNonAsciiLine = nonAscii };
                }

                line += data[..consumed].Count((byte)'\n');
                offset += consumed;
                pending = data.Length - consumed;
                data[consumed..].CopyTo(bytes);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}

/// <summary>Where a scan found the first invalid UTF-8 byte and the first NUL byte (0-based byte offsets, 1-based lines).</summary>
internal sealed record Utf8ScanResult(long? InvalidOffset, long? InvalidLine, long? NulOffset, long? NulLine)
{
    /// <summary>For valid UTF-8: the line of the first character outside ASCII, if any.</summary>
    public long? FirstNonAsciiLine { get; init; }
}
