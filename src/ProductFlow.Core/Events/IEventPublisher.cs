namespace ProductFlow.Events;

/// <summary>Sends ProductFlow's events (a committed export version, an accepted or rejected feed) to whoever listens.</summary>
/// <remarks>
/// <para>Only <see cref="OutboxSender"/> calls it, with events read from the outbox: what they announce is durable before they
/// are sent. Not configured (null) means no events and no outbox rows, which is the default.</para>
/// <para>An implementation sends the batch in the order given, keeping every event's <see cref="EventEnvelope.Id"/> (its
/// transport may retry), and throws <see cref="EventDeliveryException"/> when the batch was not accepted; the outbox keeps it
/// and it is sent again later, with the same ids. A receiver may so see an event twice, never zero times.</para>
/// </remarks>
public interface IEventPublisher
{
    Task PublishAsync(IReadOnlyList<EventEnvelope> events, CancellationToken cancellationToken = default);
}
