namespace ProductFlow;

/// <summary>A feed could not be read to its end: the run is <c>failed</c>, the CLI exits with 3.</summary>
public sealed class FeedReadException : ProductFlowException
{
    public FeedReadException(string message, string file, long? line = null, Exception? innerException = null)
        : base(message, file, innerException)
    {
        Line = line;
    }

    public long? Line { get; }
}
