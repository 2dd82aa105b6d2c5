using Azure;
using Azure.Core;
using Azure.Messaging;
using Azure.Messaging.EventGrid;
using ProductFlow.Events;

namespace ProductFlow.Azure.Events;

/// <summary>Sends ProductFlow's events to an Azure Event Grid topic as CloudEvents 1.0, a batch per call, in the SDK's batch mode.</summary>
/// <remarks>
/// <para>Each event becomes one CloudEvent: <c>type</c>, <c>source</c>, <c>subject</c>, <c>id</c> and <c>time</c> from the
/// <see cref="EventEnvelope"/>, its data as a JSON object (<c>datacontenttype</c> <c>application/json</c>), in the order given,
/// in one request (<c>application/cloudevents-batch+json</c>). The key goes in the <c>aeg-sas-key</c> header; the endpoint may be
/// plain HTTP (a local receiver).</para>
/// <para>Transient failures are retried by the SDK (<see cref="EventGridOptions.MaxRetries"/>, same event ids); when every
/// attempt fails, or the topic refuses the batch, it throws <see cref="EventDeliveryException"/> and the outbox keeps the events.</para>
/// </remarks>
public sealed class EventGridEventPublisher : IEventPublisher
{
    private readonly EventGridPublisherClient _client;
    private readonly Uri _endpoint;

    public EventGridEventPublisher(EventGridOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _endpoint = options.Endpoint ?? throw new ArgumentException("the Event Grid endpoint is not set", nameof(options));
        if (string.IsNullOrEmpty(options.Key))
        {
            throw new ArgumentException("the Event Grid access key is not set", nameof(options));
        }

        var clientOptions = new EventGridPublisherClientOptions();
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.MaxRetries = options.MaxRetries;
        clientOptions.Retry.Delay = options.RetryDelay;
        clientOptions.Retry.NetworkTimeout = options.NetworkTimeout;
        _client = new EventGridPublisherClient(_endpoint, new AzureKeyCredential(options.Key), clientOptions);
    }

    public async Task PublishAsync(IReadOnlyList<EventEnvelope> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return;
        }

        var cloudEvents = events.Select(e => new CloudEvent(e.Source, e.Type, BinaryData.FromBytes(e.Data), "application/json", CloudEventDataFormat.Json)
        {
            Id = e.Id,
            Time = e.Time,
            Subject = e.Subject,
        }).ToList();
        try
        {
            await _client.SendEventsAsync(cloudEvents, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e)
        {
            throw Failed(events, e.Status == 0 ? FirstLine(e.Message) : $"HTTP {e.Status} {FirstLine(e.Message)}", e);
        }
        catch (AggregateException e)
        {
            // The SDK's retry policy gathers the failure of every attempt when none got an answer (e.g. connection refused).
            throw Failed(events, FirstLine(e.InnerExceptions[^1].Message) + $" ({e.InnerExceptions.Count} attempts)", e);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw Failed(events, "no answer in time", e);
        }
    }

    private EventDeliveryException Failed(IReadOnlyList<EventEnvelope> events, string reason, Exception inner)
    {
        var what = events.Count == 1 ? $"{events[0].Type} {events[0].Subject}" : $"{events.Count} events from {events[0].Id} to {events[^1].Id}";
        return new($"Event Grid {_endpoint.GetLeftPart(UriPartial.Authority)} did not take {what}: {reason}", inner);
    }

    private static string FirstLine(string message)
    {
        var end = message.AsSpan().IndexOfAny('\r', '\n');
        return end < 0 ? message : message[..end];
    }
}
