namespace ProductFlow.Events;

/// <summary>Sends ProductFlow's events (a committed export version, an accepted or rejected feed) to whoever listens.</summary>
/// <remarks>
/// <para>Called only after the fact the event announces is durable: a version's manifest and <c>current</c> are written,
/// a run's report is written. Not configured (null) means no events, which is the default.</para>
/// <para>An implementation sends the event once (its transport may retry, keeping the event's <see cref="ProductFlowEvent.Id"/>)
/// and throws <see cref="EventDeliveryException"/> when it could not be delivered; callers log and report that, and never
/// undo what the event announces.</para>
/// </remarks>
public interface IEventPublisher
{
    Task PublishAsync(ProductFlowEvent productFlowEvent, CancellationToken cancellationToken = default);
}
