using Azure;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProductFlow.Publishing;

namespace ProductFlow.Server.Health;

/// <summary>Ready only when the export store answers a read (a blob that need not exist).</summary>
internal sealed class ExportStoreHealthCheck(IBlobStore exports) : IHealthCheck
{
    private const string Probe = ExportLayout.StateFolder + "/health-check";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var stream = await exports.OpenReadAsync(Probe, cancellationToken).ConfigureAwait(false);
            if (stream is not null)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }

            return HealthCheckResult.Healthy(exports.Locate(""));
        }
        catch (Exception e) when (e is RequestFailedException or IOException or UnauthorizedAccessException or TimeoutException or HttpRequestException or AggregateException)
        {
            return HealthCheckResult.Unhealthy($"{exports.Locate("")}: {e.Message.ReplaceLineEndings(" ")}");
        }
    }
}
