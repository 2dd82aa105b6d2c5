namespace ProductFlow.Connectors;

/// <summary>How far a reader is through its feed file, in bytes; written by the reader, read by whoever shows progress (another thread).</summary>
public sealed class FeedProgress(long totalBytes)
{
    private long _bytesRead;

    /// <summary>The feed's size; 0 when unknown (an API feed).</summary>
    public long TotalBytes { get; } = totalBytes;

    public long BytesRead => Volatile.Read(ref _bytesRead);

    internal void Advance(long position) => Volatile.Write(ref _bytesRead, position);
}
