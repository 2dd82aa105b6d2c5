using System.Security.Cryptography;

namespace ProductFlow.Publishing;

/// <summary>A write-only stream that passes bytes on while counting them and computing their SHA-256.</summary>
/// <remarks>
/// Flushing it does not flush the inner stream: writers flush at every line (a <see cref="System.Text.Json.Utf8JsonWriter"/>
/// flushes its stream whenever it is flushed), which passed on would be a system call per line. The inner stream's owner
/// flushes it once, when it commits it.
/// </remarks>
public sealed class HashingStream(Stream inner) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private string? _sha256;

    public long Bytes { get; private set; }

    /// <summary>The SHA-256 of everything written, lower-case hex; the stream takes no more bytes once this is read or the stream disposed.</summary>
    public string Sha256 => _sha256 ??= Convert.ToHexStringLower(_hash.GetHashAndReset());

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => Bytes;

    public override long Position { get => Bytes; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _hash.AppendData(buffer);
        Bytes += buffer.Length;
        inner.Write(buffer);
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _hash.AppendData(buffer.Span);
        Bytes += buffer.Length;
        await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
        // Nothing is held here; see the remarks for why the inner stream is not flushed.
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>Leaves the inner stream open: its owner commits or discards it.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _sha256 ??= Convert.ToHexStringLower(_hash.GetHashAndReset());
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }
}
