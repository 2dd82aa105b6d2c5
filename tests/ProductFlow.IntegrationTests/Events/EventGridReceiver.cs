using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ProductFlow.IntegrationTests.Events;

/// <summary>An Event Grid topic stand-in on Kestrel, 127.0.0.1: takes CloudEvents batches at <c>/api/events</c> when the key is right.</summary>
/// <remarks>Records every request (its <c>aeg-sas-key</c> and content type) and the events of the accepted ones, decoded from batch mode.</remarks>
internal sealed class EventGridReceiver : IAsyncDisposable
{
    public const string Key = "test-topic-key";

    private readonly WebApplication _app;

    private EventGridReceiver(WebApplication app)
    {
        _app = app;
    }

    public Uri Endpoint { get; private set; } = null!;

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    /// <summary>The events of accepted requests, in arrival order.</summary>
    public ConcurrentQueue<JsonElement> Events { get; } = new();

    public static async Task<EventGridReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new EventGridReceiver(app);
        app.MapPost("/api/events", (Delegate)receiver.ReceiveAsync);
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        receiver.Endpoint = new Uri(address, "/api/events");
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> ReceiveAsync(HttpContext context)
    {
        var key = context.Request.Headers["aeg-sas-key"].ToString();
        var contentType = context.Request.ContentType ?? "";
        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        Requests.Enqueue(new ReceivedRequest(key, contentType, body.RootElement.Clone()));
        if (key != Key)
        {
            return Results.StatusCode(StatusCodes.Status401Unauthorized);
        }

        if (!contentType.StartsWith("application/cloudevents-batch+json", StringComparison.Ordinal) || body.RootElement.ValueKind != JsonValueKind.Array)
        {
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        foreach (var cloudEvent in body.RootElement.EnumerateArray())
        {
            Events.Enqueue(cloudEvent.Clone());
        }

        return Results.Ok();
    }
}

/// <summary>One request as the receiver saw it.</summary>
internal sealed record ReceivedRequest(string Key, string ContentType, JsonElement Body);
