namespace ProductFlow.Tests.Publishing;

/// <summary>A memory stream that counts the writes and flushes it is asked for: what a file would turn into system calls.</summary>
internal sealed class RecordingStream : MemoryStream
{
    public int Writes { get; private set; }

    public int Flushes { get; private set; }

    public override void Write(byte[] buffer, int offset, int count)
    {
        Writes++;
        base.Write(buffer, offset, count);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Writes++;
        base.Write(buffer);
    }

    public override void Flush()
    {
        Flushes++;
        base.Flush();
    }

    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        Flushes++;
        return base.FlushAsync(cancellationToken);
    }
}
