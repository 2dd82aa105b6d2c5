
namespace ProductFlow.Pipelines;

/// <summary>Who supplies a pipeline's feed (pipeline <c>supplier</c>): the address that hears back after a run with rejections.</summary>
public sealed class SupplierContact
{
    /// <summary>The supplier's name, as the email greets them. Default: the pipeline's name.</summary>
    public string? Name { get; init; }

    /// <summary>Where the run summary and the rejected rows go.</summary>
    public required string Email { get; init; }
}
