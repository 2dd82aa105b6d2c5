using ProductFlow.Events;

namespace ProductFlow.Tests.Events;

/// <summary>An in-memory event publisher: keeps what it is sent, can look at the world at the moment of sending, or refuse.</summary>
internal sealed class RecordingEventPublisher : IEventPublisher
{
    public List<ProductFlowEvent> Events { get; } = [];

    /// <summary>Called with each event as it is sent, before it is recorded (e.g. to check what is on disk then).</summary>
    public Action<ProductFlowEvent>? OnSend { get; init; }

    /// <summary>When set, every delivery fails with this reason (nothing is recorded).</summary>
    public string? Refuse { get; init; }

    public Task PublishAsync(ProductFlowEvent productFlowEvent, CancellationToken cancellationToken = default)
    {
        OnSend?.Invoke(productFlowEvent);
        if (Refuse is not null)
        {
            throw new EventDeliveryException(Refuse);
        }

        Events.Add(productFlowEvent);
        return Task.CompletedTask;
    }

    public IEnumerable<string> Types => Events.Select(e => e.Type);
}
