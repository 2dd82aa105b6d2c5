namespace ProductFlow.Events;

/// <summary>Events could not be delivered (the endpoint refused them, could not be reached, or did not answer in time).</summary>
/// <remarks>What the events announce has happened all the same: they stay in the outbox and are sent again later.</remarks>
public sealed class EventDeliveryException : ProductFlowException
{
    public EventDeliveryException(string message, Exception? innerException = null)
        : base(message, null, innerException)
    {
    }
}
