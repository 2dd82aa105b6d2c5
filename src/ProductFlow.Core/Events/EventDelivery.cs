using Microsoft.Extensions.Logging;

namespace ProductFlow.Events;

/// <summary>Sends an event after the fact it announces is committed: a failed delivery is logged and returned, never thrown.</summary>
/// <remarks>
/// At most once, by choice: a failed delivery is not queued for later, because what it announces is already durable and
/// readable (<c>current</c> and the manifest, the run in the store and its report); consumers reconcile from those. Within one
/// delivery the transport may retry with the same event id, so a consumer can see a duplicate and should drop it by id.
/// </remarks>
internal static class EventDelivery
{
    /// <summary>Sends <paramref name="productFlowEvent"/> when a publisher is configured; returns why it failed, or null.</summary>
    public static async Task<string?> SendAsync(IEventPublisher? events, ProductFlowEvent productFlowEvent, ILogger logger, CancellationToken cancellationToken)
    {
        if (events is null)
        {
            return null;
        }

        try
        {
            await events.PublishAsync(productFlowEvent, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Event {Type} {Subject} sent ({EventId})", productFlowEvent.Type, productFlowEvent.Subject, productFlowEvent.Id);
            return null;
        }
        catch (EventDeliveryException e)
        {
            logger.LogWarning("Event {Type} {Subject} was not delivered, and will not be sent again: {Reason}", productFlowEvent.Type, productFlowEvent.Subject, e.Message);
            return e.Message;
        }
    }
}
