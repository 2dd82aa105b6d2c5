namespace ProductFlow.Events;

/// <summary>An event in the outbox: its place in the order of writing, and how its delivery went so far.</summary>
public sealed record OutboxEntry(long Sequence, EventEnvelope Event, DateTimeOffset Created)
{
    /// <summary>When a publisher accepted it; null while pending.</summary>
    public DateTimeOffset? Sent { get; init; }

    public int Attempts { get; init; }

    /// <summary>Not before this time is a failed event tried again (backoff); null: at once.</summary>
    public DateTimeOffset? NextAttempt { get; init; }

    public string? LastError { get; init; }
}
