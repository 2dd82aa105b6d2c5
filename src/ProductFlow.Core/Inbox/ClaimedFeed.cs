namespace ProductFlow.Inbox;

/// <summary>A feed this process has claimed, readable at <see cref="Path"/> (a local file) for its run.</summary>
/// <param name="Name">The file name as the supplier dropped it.</param>
/// <param name="Path">The local file the run reads.</param>
public sealed record ClaimedFeed(string Name, string Path)
{
    /// <summary>What the inbox needs to finish the claim (a blob lease, for example); <c>null</c> for a folder.</summary>
    public object? Handle { get; init; }
}
