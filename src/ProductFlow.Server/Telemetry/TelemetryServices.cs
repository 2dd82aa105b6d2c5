using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using ProductFlow.Telemetry;

namespace ProductFlow.Server.Telemetry;

/// <summary>OpenTelemetry for the host: the <c>ProductFlow</c> meter and activity source (and ASP.NET Core's in <c>serve</c>), exported over OTLP
/// when the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (from the environment or appsettings.json); without it nothing is collected.</summary>
/// <remarks>The exporter reads the other standard variables itself: <c>OTEL_EXPORTER_OTLP_PROTOCOL</c> (<c>grpc</c>, the default, or
/// <c>http/protobuf</c>), <c>OTEL_EXPORTER_OTLP_HEADERS</c>, <c>OTEL_METRIC_EXPORT_INTERVAL</c>, <c>OTEL_SERVICE_NAME</c>,
/// <c>OTEL_RESOURCE_ATTRIBUTES</c>. The gauges (queue length, publication lag) are observed in <c>serve</c> only (see <see cref="TelemetryGauges"/>).</remarks>
public static class TelemetryServices
{
    public const string EndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Whether OTLP export is configured: the endpoint of every signal, or the metrics' or traces' own.</summary>
    public static bool IsConfigured(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new[] { EndpointKey, "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT" }.Any(key => !string.IsNullOrWhiteSpace(configuration[key]));
    }

    /// <summary>Registers OpenTelemetry when OTLP export is configured in <paramref name="configuration"/>; otherwise adds nothing.</summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">The host's configuration (appsettings.json and the environment).</param>
    /// <param name="process">The service name (<c>productflow-serve</c>, <c>productflow-worker</c>) unless <c>OTEL_SERVICE_NAME</c> says otherwise.</param>
    /// <param name="web">Whether the host serves HTTP: ASP.NET Core's request metrics and spans, and the gauges.</param>
    public static IServiceCollection AddProductFlowTelemetry(this IServiceCollection services, IConfiguration configuration, string process, bool web)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!IsConfigured(configuration))
        {
            return services;
        }

        var metrics = !string.IsNullOrWhiteSpace(configuration[EndpointKey]) || !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_METRICS_ENDPOINT"]);
        var traces = !string.IsNullOrWhiteSpace(configuration[EndpointKey]) || !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"]);
        var telemetry = services.AddOpenTelemetry().ConfigureResource(resource =>
        {
            if (string.IsNullOrWhiteSpace(configuration["OTEL_SERVICE_NAME"]))
            {
                resource.AddService(process, serviceVersion: typeof(TelemetryServices).Assembly.GetName().Version?.ToString());
            }
        });
        if (metrics)
        {
            telemetry.WithMetrics(meters =>
            {
                meters.AddMeter(ProductFlowTelemetry.Name).AddOtlpExporter();
                if (web)
                {
                    meters.AddAspNetCoreInstrumentation();
                }
            });
            if (web)
            {
                services.TryAddSingleton<PublicationLagMonitor>();
                services.AddHostedService<TelemetryGauges>();
            }
        }

        if (traces)
        {
            telemetry.WithTracing(tracing =>
            {
                tracing.AddSource(ProductFlowTelemetry.Name).AddOtlpExporter();
                if (web)
                {
                    tracing.AddAspNetCoreInstrumentation(options => options.Filter = context => !context.Request.Path.StartsWithSegments("/health"));
                }
            });
        }

        return services;
    }
}
