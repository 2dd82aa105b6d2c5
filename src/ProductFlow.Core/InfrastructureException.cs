namespace ProductFlow;

/// <summary>A store, folder or server ProductFlow needs is unavailable: the CLI exits with 4.</summary>
public sealed class InfrastructureException : ProductFlowException
{
    public InfrastructureException(string message, string? file = null, Exception? innerException = null)
        : base(message, file, innerException)
    {
    }
}
