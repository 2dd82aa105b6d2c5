using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ProductFlow.IntegrationTests.Telemetry;

/// <summary>An OpenTelemetry collector stand-in on Kestrel, 127.0.0.1: takes OTLP/HTTP protobuf exports at <c>/v1/metrics</c> and <c>/v1/traces</c>
/// and keeps the data points and spans they carry, decoded.</summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtlpReceiver(WebApplication app) => _app = app;

    /// <summary>What <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set to (the exporter appends <c>/v1/metrics</c> and <c>/v1/traces</c>).</summary>
    public Uri Endpoint { get; private set; } = null!;

    public ConcurrentQueue<OtlpPoint> Points { get; } = new();

    public ConcurrentQueue<OtlpSpan> Spans { get; } = new();

    public ConcurrentQueue<string> ContentTypes { get; } = new();

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.MapPost("/v1/metrics", async context => Add(OtlpPoint.Parse(await receiver.ReadAsync(context)), receiver.Points));
        app.MapPost("/v1/traces", async context => Add(OtlpSpan.Parse(await receiver.ReadAsync(context)), receiver.Spans));
        await app.StartAsync();
        receiver.Endpoint = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return receiver;
    }

    /// <summary>The latest value of the metric's data points whose attributes include <paramref name="attribute"/> = <paramref name="value"/>.</summary>
    public OtlpPoint? Latest(string metric, string attribute, string value) =>
        Points.LastOrDefault(p => p.Metric == metric && p.Attributes.TryGetValue(attribute, out var v) && v == value);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<byte[]> ReadAsync(HttpContext context)
    {
        ContentTypes.Enqueue(context.Request.ContentType ?? "");
        var body = context.Request.Headers.ContentEncoding == "gzip" ? new GZipStream(context.Request.Body, CompressionMode.Decompress) : context.Request.Body;
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, context.RequestAborted);
        return buffer.ToArray();
    }

    private static void Add<T>(IEnumerable<T> items, ConcurrentQueue<T> into)
    {
        foreach (var item in items)
        {
            into.Enqueue(item);
        }
    }
}
