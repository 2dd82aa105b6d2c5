using ProductFlow.Events;

namespace ProductFlow.Tests.Events;

/// <summary>An in-memory event publisher: keeps the batches it is sent, can look at the world at the moment of sending, or refuse.</summary>
internal sealed class RecordingEventPublisher : IEventPublisher
{
    public List<IReadOnlyList<EventEnvelope>> Batches { get; } = [];

    /// <summary>Every event accepted, in the order sent.</summary>
    public IEnumerable<EventEnvelope> Events => Batches.SelectMany(b => b);

    /// <summary>Called with each batch as it is sent, before it is accepted or refused.</summary>
    public Action<IReadOnlyList<EventEnvelope>>? OnSend { get; init; }

    /// <summary>When it returns a reason for a batch, that batch is refused with it (nothing is recorded).</summary>
    public Func<IReadOnlyList<EventEnvelope>, string?>? Refuse { get; set; }

    public Task PublishAsync(IReadOnlyList<EventEnvelope> events, CancellationToken cancellationToken = default)
    {
        OnSend?.Invoke(events);
        if (Refuse?.Invoke(events) is { } reason)
        {
            throw new EventDeliveryException(reason);
        }

        Batches.Add([.. events]);
        return Task.CompletedTask;
    }
}
