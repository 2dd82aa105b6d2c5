using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using System.Threading.Channels;
using Npgsql;

namespace ProductFlow.PostgreSql;

/// <summary>A binary COPY into <c>pg_temp.staging</c>: rows are formatted on the caller's thread into chunks, which a writer task sends.</summary>
/// <remarks>
/// The rows are laid out in PostgreSQL's binary COPY format directly (a raw COPY stream), not column by column through
/// <see cref="NpgsqlBinaryImporter"/>: a staged row is nine fields, and the per-field calls cost more than the bytes.
/// Full chunks meet the writer in a bounded channel (<see cref="Capacity"/> chunks in flight), so formatting the next
/// rows overlaps with the socket writes and the caller waits when the server falls behind. A failing writer completes
/// the channel with its exception, so the next hand-over (or <see cref="CompleteAsync"/>) throws it.
/// A raw COPY stream that is disposed sends CopyDone, which would keep its rows: <see cref="DisposeAsync"/> of an
/// uncompleted copy sends CopyFail instead.
/// </remarks>
internal sealed class StagingCopy : IAsyncDisposable
{
    /// <summary>Bytes per chunk handed to the writer (a row larger than this gets a chunk of its own).</summary>
    public const int ChunkSize = 256 * 1024;

    /// <summary>Chunks the writer may have queued.</summary>
    public const int Capacity = 4;

    private const string Copy = "COPY pg_temp.staging (seq, sku, hash, enabled, blocked, doc, lineage, notes, enabled_given, checked, contribution) FROM STDIN (FORMAT BINARY)";
    private const short Fields = 11;

    // "PGCOPY\n\377\r\n\0", then flags and header extension length (both 0).
    private static readonly byte[] Header = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0, 0, 0, 0, 0, 0, 0, 0, 0];

    private readonly NpgsqlRawCopyStream _stream;
    private readonly Channel<(byte[] Buffer, int Length)> _chunks;
    private readonly CancellationTokenSource _abort = new();
    private readonly Task _writer;
    private byte[] _chunk;
    private int _position;
    private bool _done;

    private StagingCopy(NpgsqlRawCopyStream stream)
    {
        _stream = stream;
        _chunks = Channel.CreateBounded<(byte[] Buffer, int Length)>(new BoundedChannelOptions(Capacity)
        {
            FullMode = BoundedChannelFullMode.Wait, SingleReader = true, SingleWriter = true,
        });
        _chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        Header.CopyTo(_chunk, 0);
        _position = Header.Length;
        _writer = Task.Run(WriteChunksAsync);
    }

    public static async Task<StagingCopy> BeginAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        new(await connection.BeginRawBinaryCopyAsync(Copy, cancellationToken).ConfigureAwait(false));

    /// <summary>Adds one staged row; waits only when a full chunk has to be handed over and the writer is behind.</summary>
    public async ValueTask WriteRowAsync(
        long seq, string sku, byte[] hash, bool enabled, string blocked, ReadOnlyMemory<byte> doc, ReadOnlyMemory<byte> lineage, string notes, bool enabledGiven,
        string @checked, long? contribution, CancellationToken cancellationToken)
    {
        var most = sizeof(short) + (Fields * sizeof(int)) + (2 * sizeof(long)) + hash.Length + 2 + doc.Length + lineage.Length
            + Encoding.UTF8.GetMaxByteCount(sku.Length) + Encoding.UTF8.GetMaxByteCount(blocked.Length) + Encoding.UTF8.GetMaxByteCount(notes.Length)
            + Encoding.UTF8.GetMaxByteCount(@checked.Length);
        if (_chunk.Length - _position < most)
        {
            await HandOverAsync(most, cancellationToken).ConfigureAwait(false);
        }

        var row = _chunk.AsSpan(_position);
        BinaryPrimitives.WriteInt16BigEndian(row, Fields);
        var at = Bigint(row, sizeof(short), seq);
        at = Text(row, at, sku);
        at = Bytes(row, at, hash);
        at = Boolean(row, at, enabled);
        at = Text(row, at, blocked);
        at = Bytes(row, at, doc.Span);
        at = Bytes(row, at, lineage.Span);
        at = Text(row, at, notes);
        at = Boolean(row, at, enabledGiven);
        at = Text(row, at, @checked);
        at = Bigint(row, at, contribution);
        _position += at;
    }

    /// <summary>Sends the last chunk and the trailer, waits for the writer and ends the COPY; the writer's or the server's error is thrown here.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_chunk.Length - _position < sizeof(short))
        {
            await HandOverAsync(sizeof(short), cancellationToken).ConfigureAwait(false);
        }

        BinaryPrimitives.WriteInt16BigEndian(_chunk.AsSpan(_position), -1);
        _position += sizeof(short);
        await HandOverAsync(0, cancellationToken).ConfigureAwait(false);
        _chunks.Writer.Complete();
        await _writer.ConfigureAwait(false);
        _done = true;

        // CopyDone, then the server's answer: a row it refused fails here.
        await _stream.DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_done)
        {
            // Order matters: stop the writer between chunks (never inside a socket write), then fail the COPY so
            // the server keeps none of its rows, then give the chunks back.
            _done = true;
            _chunks.Writer.TryComplete();
            await _abort.CancelAsync().ConfigureAwait(false);
            try
            {
                await _writer.ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or NpgsqlException or IOException or ObjectDisposedException)
            {
                // The run already failed or was cancelled; this is its echo.
            }

            try
            {
                await _stream.CancelAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is NpgsqlException or IOException or ObjectDisposedException or InvalidOperationException)
            {
                // A broken connection cannot take the CopyFail; the server drops the session's staging with it.
            }
        }

        while (_chunks.Reader.TryRead(out var chunk))
        {
            ArrayPool<byte>.Shared.Return(chunk.Buffer);
        }

        ArrayPool<byte>.Shared.Return(_chunk);
        _chunk = [];
        _abort.Dispose();
    }

    private async ValueTask HandOverAsync(int next, CancellationToken cancellationToken)
    {
        var full = (_chunk, _position);
        _chunk = ArrayPool<byte>.Shared.Rent(Math.Max(ChunkSize, next));
        _position = 0;
        try
        {
            await _chunks.Writer.WriteAsync(full, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            ArrayPool<byte>.Shared.Return(full._chunk);

            // The writer failed and closed the channel: its own exception says why.
            await _writer.ConfigureAwait(false);
            throw;
        }
    }

    private async Task WriteChunksAsync()
    {
        try
        {
            // The token stops the writer between chunks only: a write cut in half would leave the protocol out of step.
            await foreach (var (buffer, length) in _chunks.Reader.ReadAllAsync(_abort.Token).ConfigureAwait(false))
            {
                try
                {
                    await _stream.WriteAsync(buffer.AsMemory(0, length), CancellationToken.None).ConfigureAwait(false);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
        }
        catch (Exception e)
        {
            _chunks.Writer.TryComplete(e);
            throw;
        }
    }

    private static int Text(Span<byte> row, int at, string value)
    {
        var length = Encoding.UTF8.GetBytes(value, row[(at + 4)..]);
        BinaryPrimitives.WriteInt32BigEndian(row[at..], length);
        return at + 4 + length;
    }

    private static int Bytes(Span<byte> row, int at, ReadOnlySpan<byte> value)
    {
        BinaryPrimitives.WriteInt32BigEndian(row[at..], value.Length);
        value.CopyTo(row[(at + 4)..]);
        return at + 4 + value.Length;
    }

    private static int Bigint(Span<byte> row, int at, long? value)
    {
        if (value is not { } number)
        {
            BinaryPrimitives.WriteInt32BigEndian(row[at..], -1); // NULL
            return at + 4;
        }

        BinaryPrimitives.WriteInt32BigEndian(row[at..], sizeof(long));
        BinaryPrimitives.WriteInt64BigEndian(row[(at + 4)..], number);
        return at + 4 + sizeof(long);
    }

    private static int Boolean(Span<byte> row, int at, bool value)
    {
        BinaryPrimitives.WriteInt32BigEndian(row[at..], 1);
        row[at + 4] = value ? (byte)1 : (byte)0;
        return at + 5;
    }
}
