namespace ProductFlow;

/// <summary>The root of ProductFlow's exceptions: a fault of the program's own input or of its infrastructure, never a data issue.</summary>
/// <remarks>Carries the file (and, where known, the line) it concerns, so the CLI can print one line.</remarks>
public class ProductFlowException : Exception
{
    public ProductFlowException(string message, string? file = null, Exception? innerException = null)
        : base(message, innerException)
    {
        File = file;
    }

    public string? File { get; }

    /// <summary>A short suggestion for the user, printed after the message.</summary>
    public string? Hint { get; init; }
}
