using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ProductFlow.IntegrationTests.Http;

/// <summary>A supplier API on Kestrel, 127.0.0.1: pages by next link, Link header or page/size; throttles; fails; checks a bearer token.</summary>
internal sealed class SupplierApi : IAsyncDisposable
{
    public const string Token = "test-token";

    private readonly WebApplication _app;

    private SupplierApi(WebApplication app)
    {
        _app = app;
    }

    public Uri Address { get; private set; } = null!;

    /// <summary>Requests per path, to check retries.</summary>
    public ConcurrentDictionary<string, int> Hits { get; } = new();

    public static async Task<SupplierApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var api = new SupplierApi(app);
        api.Map();
        await app.StartAsync();
        api.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return api;
    }

    public Uri At(string pathAndQuery) => new(Address, pathAndQuery);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static object[] Items(int page, int count) =>
        Enumerable.Range(0, count).Select(i => (object)new { sku = $"P{page}-{i}", dimensions = new { weight = 0.5 + i } }).ToArray();

    private void Map()
    {
        _app.Use(async (context, next) =>
        {
            Hits.AddOrUpdate(context.Request.Path, 1, (_, n) => n + 1);
            await next(context);
        });
        _app.MapGet("/next", (int page) => Results.Json(new { data = Items(page, 2), links = new { next = page < 3 ? $"/next?page={page + 1}" : null } }));
        _app.MapGet("/link", (int page, HttpContext context) =>
        {
            if (page < 3)
            {
                var self = $"{context.Request.Scheme}://{context.Request.Host}/link";
                context.Response.Headers.Link = $"<{self}?page={page + 1}>; rel=\"next\", <{self}?page=1>; rel=\"first\"";
            }

            return Results.Json(Items(page, 2));
        });
        _app.MapGet("/paged", (int page, int size) => Results.Json(Items(page, page < 3 ? size : 1)));
        _app.MapGet("/throttled", (HttpContext context) =>
        {
            switch (Hits["/throttled"])
            {
                case 1:
                    context.Response.Headers.RetryAfter = "1";
                    return Results.StatusCode(429);
                case 2:
                    return Results.StatusCode(503);
                default:
                    return Results.Json(Items(1, 3));
            }
        });
        _app.MapGet("/broken", () => Results.StatusCode(500));
        _app.MapGet("/secure", (HttpContext context) =>
            context.Request.Headers.Authorization == "Bearer " + Token ? Results.Json(Items(1, 1)) : Results.StatusCode(401));
        _app.MapGet("/hits", () => Results.Text(string.Join(",", Hits.Select(h => h.Key + "=" + h.Value.ToString(CultureInfo.InvariantCulture)))));
    }
}
