using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ProductFlow.Events;

/// <summary>Sends the outbox's pending events in the order they were written, in batches, and marks them sent.</summary>
/// <remarks>
/// <para>A batch the publisher refuses is counted as a failed attempt of each of its events and held back (exponential backoff
/// with a cap, <see cref="OutboxSenderOptions"/>); sending stops there, so no event overtakes an earlier one. An event is marked
/// sent only after the publisher accepted it: a process that dies in between sends it again, with the same id (at least once).</para>
/// <para>Call it after writing events (the CLI, once per command) or in a loop (the host), waiting until
/// <see cref="OutboxSendResult.NextAttempt"/> when events are held back. Two senders at once may send an event twice, never lose one.</para>
/// </remarks>
public sealed class OutboxSender
{
    private readonly OutboxSenderOptions _options;
    private readonly ILogger _logger;

    public OutboxSender(OutboxSenderOptions? options = null, ILogger? logger = null)
    {
        _options = options ?? new OutboxSenderOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.BatchSize, 1, nameof(options));
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Sends what is pending at <paramref name="now"/>, batch by batch, until none is left or a batch fails or is held back.</summary>
    public async Task<OutboxSendResult> SendPendingAsync(IEventOutbox outbox, IEventPublisher publisher, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(publisher);
        var sent = 0;
        var last = long.MinValue;
        while (true)
        {
            var (batch, heldUntil) = await NextBatchAsync(outbox, now, last, cancellationToken).ConfigureAwait(false);
            if (batch.Count == 0)
            {
                return new OutboxSendResult(sent, await CountPendingAsync(outbox, cancellationToken).ConfigureAwait(false), null, heldUntil);
            }

            var ids = batch.ConvertAll(e => e.Event.Id);
            try
            {
                await publisher.PublishAsync(batch.ConvertAll(e => e.Event), cancellationToken).ConfigureAwait(false);
            }
            catch (EventDeliveryException e)
            {
                var next = now + _options.RetryDelay(batch[0].Attempts + 1);
                await outbox.MarkFailedAsync(ids, e.Message, next, cancellationToken).ConfigureAwait(false);
                var pending = await CountPendingAsync(outbox, cancellationToken).ConfigureAwait(false);
                _logger.LogWarning("{Count} event(s) not sent, {Pending} pending, next attempt at {NextAttempt:O}: {Reason}", batch.Count, pending, next, e.Message);
                return new OutboxSendResult(sent, pending, e.Message, next);
            }

            await outbox.MarkSentAsync(ids, now, cancellationToken).ConfigureAwait(false);
            sent += batch.Count;
            last = batch[^1].Sequence;
            _logger.LogInformation("{Count} event(s) sent, up to {EventId}", batch.Count, ids[^1]);
        }
    }

    /// <summary>The next pending events after <paramref name="last"/>, up to the first one held back (whose next attempt is returned when it stops the batch at its start).</summary>
    private async Task<(List<OutboxEntry> Batch, DateTimeOffset? HeldUntil)> NextBatchAsync(IEventOutbox outbox, DateTimeOffset now, long last, CancellationToken cancellationToken)
    {
        var batch = new List<OutboxEntry>(_options.BatchSize);
        await foreach (var entry in outbox.ReadEventsAsync(pendingOnly: true, _options.BatchSize, cancellationToken).ConfigureAwait(false))
        {
            if (entry.Sequence <= last)
            {
                // Marked sent a moment ago but read again (another reader's snapshot): never send a batch twice in one call.
                continue;
            }

            if (_options.HonourBackoff && entry.NextAttempt is { } next && next > now)
            {
                return (batch, batch.Count == 0 ? next : null);
            }

            batch.Add(entry);
        }

        return (batch, null);
    }

    private static async Task<int> CountPendingAsync(IEventOutbox outbox, CancellationToken cancellationToken) =>
        await outbox.ReadEventsAsync(pendingOnly: true, int.MaxValue, cancellationToken).CountAsync(cancellationToken).ConfigureAwait(false);
}
