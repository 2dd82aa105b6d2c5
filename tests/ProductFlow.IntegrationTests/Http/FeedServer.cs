using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ProductFlow.IntegrationTests.Http;

/// <summary>A supplier's web server on Kestrel, 127.0.0.1, serving feed files: behind a bearer token, busy once (503 with Retry-After), large
/// (generated as it is sent, never held), slow, and a workbook.</summary>
internal sealed class FeedServer : IAsyncDisposable
{
    public const string Token = "feed-token-31337";
    public const string Csv = "sku,stock\nH-1,5\nH-2,6\nH-3,oops\n";

    private readonly WebApplication _app;

    private FeedServer(WebApplication app)
    {
        _app = app;
    }

    public Uri Address { get; private set; } = null!;

    /// <summary>Requests per path.</summary>
    public ConcurrentDictionary<string, int> Hits { get; } = new();

    /// <summary>A workbook served at <c>/feeds/stock.xlsx</c>.</summary>
    public byte[] Workbook { get; init; } = [];

    public static async Task<FeedServer> StartAsync(byte[] workbook)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var server = new FeedServer(builder.Build()) { Workbook = workbook };
        server.Map();
        await server._app.StartAsync();
        server.Address = new Uri(server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return server;
    }

    public string Url(string pathAndQuery) => new Uri(Address, pathAndQuery).ToString();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private void Map()
    {
        _app.Use(async (context, next) =>
        {
            Hits.AddOrUpdate(context.Request.Path, 1, (_, n) => n + 1);
            await next(context);
        });
        _app.MapGet("/feeds/products.csv", (HttpContext context) =>
            context.Request.Headers.Authorization == "Bearer " + Token ? Results.Text(Csv, "text/csv") : Results.StatusCode(401));
        _app.MapGet("/feeds/busy.csv", (HttpContext context) =>
        {
            if (Hits["/feeds/busy.csv"] == 1)
            {
                context.Response.Headers.RetryAfter = "1";
                return Results.StatusCode(503);
            }

            return Results.Text(Csv, "text/csv");
        });
        _app.MapGet("/feeds/stock.xlsx", () => Results.Bytes(Workbook, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        _app.MapGet("/feeds/big.csv", async (HttpContext context, int rows) => await WriteBigAsync(context.Response, rows, context.RequestAborted));
        _app.MapGet("/feeds/slow.csv", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/csv";
            await context.Response.WriteAsync("sku,stock\n", context.RequestAborted);
            for (var i = 1; i <= 5; i++)
            {
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(500, context.RequestAborted);
                await context.Response.WriteAsync($"S-{i},{i}\n", context.RequestAborted);
            }
        });
    }

    /// <summary>Rows of about 1 KB each (<c>sku,stock,note</c>), written from one reused buffer as Kestrel sends them.</summary>
    private static async Task WriteBigAsync(HttpResponse response, int rows, CancellationToken cancellationToken)
    {
        response.ContentType = "text/csv";
        var note = new string('x', 1000);
        await response.WriteAsync("sku,stock,note\n", cancellationToken);
        var line = new byte[1100];
        for (var i = 1; i <= rows; i++)
        {
            var length = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"BIG-{i:D7},{i % 100},{note}\n"), line);
            await response.Body.WriteAsync(line.AsMemory(0, length), cancellationToken);
        }
    }
}
