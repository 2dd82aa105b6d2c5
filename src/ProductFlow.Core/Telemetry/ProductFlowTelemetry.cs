using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ProductFlow.Telemetry;

/// <summary>ProductFlow's meter and activity source, both named <c>ProductFlow</c>: what the pipeline counts and traces, whoever listens.</summary>
/// <remarks>Plain <c>System.Diagnostics</c>: nothing here knows OpenTelemetry. The host subscribes to <see cref="Name"/> and exports what it
/// configures; with no listener an instrument costs a flag test. The instruments are in <see cref="ProductFlowMetrics"/>, documented in
/// docs/service-mode.md.</remarks>
public static class ProductFlowTelemetry
{
    /// <summary>The meter's and the activity source's name.</summary>
    public const string Name = "ProductFlow";

    private static readonly string? Version = typeof(ProductFlowTelemetry).Assembly.GetName().Version?.ToString();

    public static Meter Meter { get; } = new(Name, Version);

    /// <summary>Spans: <c>productflow.run</c> (a pipeline run), <c>productflow.publish</c> (channels published together), <c>productflow.job</c> (a job of the service).</summary>
    public static ActivitySource ActivitySource { get; } = new(Name, Version);
}
