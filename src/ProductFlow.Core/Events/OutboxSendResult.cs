namespace ProductFlow.Events;

/// <summary>What one <see cref="OutboxSender.SendPendingAsync"/> did: events sent, events left, and why it stopped early.</summary>
/// <param name="Sent">Events the publisher accepted in this call (and now marked sent).</param>
/// <param name="Pending">Events still unsent after it.</param>
/// <param name="Error">Why the first failing batch was refused; null when none failed.</param>
/// <param name="NextAttempt">When the first pending event may be tried again; null when none is pending or it may be tried at once.</param>
public sealed record OutboxSendResult(int Sent, int Pending, string? Error, DateTimeOffset? NextAttempt);
