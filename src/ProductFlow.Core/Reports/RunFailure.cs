namespace ProductFlow.Reports;

/// <summary>Why a run failed: where reading stopped, or which guard stopped it.</summary>
public sealed record RunFailure(string Message, string? File, long? Line)
{
    /// <summary>The guard's rule when a guard (not the feed) stopped the run, e.g. <c>store.mass-delete</c>.</summary>
    public string? Rule { get; init; }
}
