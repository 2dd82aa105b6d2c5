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
/// <remarks>
/// Records every request (its <c>aeg-sas-key</c> and content type) and the events of the ones it took, decoded from batch mode. As
/// <see cref="Mode"/> says, it takes a batch, refuses it (503, as a topic that is down), or holds it unanswered after reading it (a
/// topic that took the events and whose answer is lost): those events count as received. <see cref="KillAsync"/> drops every connection.
/// </remarks>
internal sealed class EventGridReceiver : IAsyncDisposable
{
    public const string Key = "test-topic-key";

    private readonly WebApplication _app;
    private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _stopped;

    private EventGridReceiver(WebApplication app)
    {
        _app = app;
    }

    public Uri Endpoint { get; private set; } = null!;

    public ReceiverMode Mode { get; set; }

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    /// <summary>The events of the requests taken (or held), in arrival order.</summary>
    public ConcurrentQueue<JsonElement> Events { get; } = new();

    /// <summary>Completes when a request is held (in <see cref="ReceiverMode.Hold"/>).</summary>
    public Task Held => _held.Task;

    /// <summary>Starts a receiver on <paramref name="port"/> (0: a free one); a receiver started again on a killed one's port is the same topic back.</summary>
    public static async Task<EventGridReceiver> StartAsync(int port = 0, ReceiverMode mode = ReceiverMode.Accept)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new EventGridReceiver(app) { Mode = mode };
        app.MapPost("/api/events", (Delegate)receiver.ReceiveAsync);
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        receiver.Endpoint = new Uri(address, "/api/events");
        return receiver;
    }

    /// <summary>Stops at once: connections are dropped, held requests never answered.</summary>
    public async Task KillAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await _app.StopAsync(new CancellationToken(canceled: true));
        await _app.DisposeAsync();
    }

    public ValueTask DisposeAsync() => new(KillAsync());

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

        var mode = Mode;
        if (mode == ReceiverMode.Refuse)
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        foreach (var cloudEvent in body.RootElement.EnumerateArray())
        {
            Events.Enqueue(cloudEvent.Clone());
        }

        if (mode == ReceiverMode.Hold)
        {
            _held.TrySetResult();
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        return Results.Ok();
    }
}

/// <summary>What <see cref="EventGridReceiver"/> does with a batch.</summary>
internal enum ReceiverMode
{
    Accept,
    Refuse,
    Hold,
}

/// <summary>One request as the receiver saw it.</summary>
internal sealed record ReceivedRequest(string Key, string ContentType, JsonElement Body);
