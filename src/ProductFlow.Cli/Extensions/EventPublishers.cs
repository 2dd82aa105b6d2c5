using ProductFlow.Azure.Events;
using ProductFlow.Events;

namespace ProductFlow.Cli.Extensions;

/// <summary>Chooses where <c>run</c> and <c>publish</c> send their events: an Event Grid topic named by the environment, else none.</summary>
/// <remarks>
/// <c>PRODUCTFLOW_EVENTGRID_ENDPOINT</c> (the topic endpoint) turns events on; <c>PRODUCTFLOW_EVENTGRID_KEY</c> holds its access
/// key. Both come from the environment or the service's configuration only: the key never appears on the command line.
/// </remarks>
internal static class EventPublishers
{
    public const string EndpointVariable = "PRODUCTFLOW_EVENTGRID_ENDPOINT";
    public const string KeyVariable = "PRODUCTFLOW_EVENTGRID_KEY";

    /// <summary>The configured publisher, or null when no endpoint is set (no events).</summary>
    public static IEventPublisher? FromEnvironment()
    {
        if (Environment.GetEnvironmentVariable(EndpointVariable) is not { Length: > 0 } setting)
        {
            return null;
        }

        if (!Uri.TryCreate(setting, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("https" or "http"))
        {
            throw new ProductFlowException($"{EndpointVariable} is not an http(s) URL ('{setting}')") { Hint = "give the topic endpoint, e.g. https://<topic>.<region>-1.eventgrid.azure.net/api/events" };
        }

        var key = Environment.GetEnvironmentVariable(KeyVariable) is { Length: > 0 } value ? value
            : throw new ProductFlowException($"{EndpointVariable} is set but the topic's access key in {KeyVariable} is not") { Hint = "set it in the environment or the service's configuration" };
        return new EventGridEventPublisher(new EventGridOptions { Endpoint = endpoint, Key = key });
    }
}
