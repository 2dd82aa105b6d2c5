namespace ProductFlow.Events;

/// <summary>An event could not be delivered (the endpoint refused it, could not be reached, or did not answer in time).</summary>
/// <remarks>What the event announces has happened all the same: the caller logs and reports the failure and carries on.</remarks>
public sealed class EventDeliveryException : ProductFlowException
{
    public EventDeliveryException(string message, Exception? innerException = null)
        : base(message, null, innerException)
    {
    }
}
