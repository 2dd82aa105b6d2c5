using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace ProductFlow.Server.Logging;

/// <summary>Serilog as the host's only logger: levels from the <c>Serilog</c> configuration section, properties pushed by the code
/// (RunId, Pipeline, Channel, Partner), one line per request.</summary>
/// <remarks>Requests are logged by method, path, status and time: never a header or query string, so no key reaches the log.</remarks>
public static class SerilogHosting
{
    public static IHostBuilder UseProductFlowSerilog(this IHostBuilder host, LogFormat format)
    {
        ArgumentNullException.ThrowIfNull(host);
        return host.UseSerilog((context, configuration) =>
        {
            configuration
                .MinimumLevel.Information()
                .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
                .ReadFrom.Configuration(context.Configuration)
                .Enrich.FromLogContext();
            if (format == LogFormat.Json)
            {
                configuration.WriteTo.Console(new CompactJsonFormatter());
            }
            else
            {
                configuration.WriteTo.Console(
                    outputTemplate: "{Timestamp:HH:mm:ss} {Level:u3} {Message:lj}{NewLine}{Exception}",
                    formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            }
        });
    }

    public static IApplicationBuilder UseProductFlowRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options =>
        {
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0} ms";
            options.EnrichDiagnosticContext = (diagnostics, context) =>
            {
                if (context.User.Identity?.Name is { } name)
                {
                    diagnostics.Set(context.User.FindFirst(Authentication.ApiKeyClaims.Kind)?.Value ?? "Principal", name);
                }
            };
            options.GetLevel = (context, _, exception) =>
                exception is not null || context.Response.StatusCode >= StatusCodes.Status500InternalServerError ? LogEventLevel.Error : LogEventLevel.Information;
        });
}
