namespace ProductFlow.Events;

/// <summary>How <see cref="OutboxSender"/> sends: batch size and the backoff after a failed batch.</summary>
public sealed class OutboxSenderOptions
{
    /// <summary>Events per batch (one request to the publisher); default 100 (Event Grid takes up to 1 MB per request).</summary>
    public int BatchSize { get; init; } = 100;

    /// <summary>How long a failed batch is held back after its first failure; default 5 s. It doubles with every further failure.</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest a failed batch is held back; default 10 minutes.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Whether a batch held back (its next attempt still to come) waits; default true. A one-off command (<c>events send</c>) tries at once.</summary>
    public bool HonourBackoff { get; init; } = true;

    /// <summary>The delay before the next attempt after <paramref name="attempts"/> failed ones: exponential, capped at <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay(int attempts)
    {
        var delay = FirstRetryDelay.TotalMilliseconds * Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        return TimeSpan.FromMilliseconds(Math.Min(delay, MaxRetryDelay.TotalMilliseconds));
    }
}
