using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using ProductFlow.Server.Authentication;
using ProductFlow.Server.Configuration;
using ProductFlow.Server.Console;
using ProductFlow.Server.Dashboard;
using ProductFlow.Server.Extensions;
using ProductFlow.Server.Health;
using ProductFlow.Server.Logging;
using ProductFlow.Server.Jobs;
using ProductFlow.Server.Partners;
using ProductFlow.Server.Runs;
using ProductFlow.Server.Telemetry;
using ProductFlow.Server.Uploads;

namespace ProductFlow.Server;

/// <summary><c>productflow serve</c>: the service host on the .NET generic host, read like a table of contents.</summary>
/// <remarks>Configuration: appsettings.json, appsettings.{Environment}.json, then environment variables (<c>ProductFlow__Store__ConnectionString</c>);
/// every key in docs/configuration.md. Nothing here is built by the other commands.</remarks>
public static class ServerHost
{
    public static WebApplication Build(ServeOptions serve, string[]? args = null)
    {
        ArgumentNullException.ThrowIfNull(serve);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args ?? [], ContentRootPath = serve.ContentRoot });
        builder.WebHost.UseUrls(serve.Urls);
        if (serve.DataDirectory is { } data)
        {
            builder.Configuration["ProductFlow:DataDirectory"] = data;
        }

        builder.Host.UseProductFlowSerilog(serve.LogFormat);
        builder.Services
            .AddProductFlowOptions(serve.Mode)
            .AddProductFlowStore()
            .AddProductFlowExports()
            .AddProductFlowEvents()
            .AddProductFlowReports()
            .AddProductFlowRuns()
            .AddProductFlowHealth()
            .AddProductFlowAuthentication()
            .AddPartnerApi()
            .AddFeedIntake()
            .AddProductFlowConsole()
            .AddProductFlowJobs(serve.Mode == HostMode.Embedded ? JobServer.AllQueues : null)
            .AddProductFlowTelemetry(builder.Configuration, "productflow-serve", web: true)
            .AddHostedService<Events.OutboxDelivery>();

        var app = builder.Build();
        app.UseProductFlowRequestLogging();
        app.UseAccessRecording();
        app.UseResponseCompression();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseProductFlowDashboard();
        app.MapProductFlowHealth();
        app.MapPartnerApi();
        app.MapFeedUploads();
        app.MapRunsApi();
        app.MapProductFlowConsole();
        app.MapOpenApi();
        return app;
    }
}
