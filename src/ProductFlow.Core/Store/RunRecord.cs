namespace ProductFlow.Store;

/// <summary>A run as the store keeps it: which pipeline read which feed, when, and how it ended.</summary>
public sealed class RunRecord
{
    public required string Id { get; init; }

    public required string Pipeline { get; init; }

    /// <summary>The feed read; a remote feed's is known once it is downloaded.</summary>
    public required FeedInfo Feed { get; set; }

    public DateTimeOffset Started { get; init; }

    public DateTimeOffset? Finished { get; set; }

    public RunStatus Status { get; set; } = RunStatus.Running;

    public RunCounts Counts { get; init; } = new();

    /// <summary>The run's report folder.</summary>
    public string? Report { get; set; }

    /// <summary>Who asked for the run through the service (<c>supplier:&lt;name&gt;</c> for an upload, <c>operator</c> for a retry); null for a
    /// command or an inbox drop. A supplier may follow the runs it asked for.</summary>
    public string? SubmittedBy { get; init; }
}
