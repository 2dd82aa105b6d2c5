using Microsoft.Extensions.Diagnostics.HealthChecks;
using ProductFlow.Server.Configuration;

namespace ProductFlow.Server.Health;

/// <summary>Ready only when the product store answers a read.</summary>
internal sealed class StoreHealthCheck(StoreProvider stores) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var store = await stores.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (store.ConfigureAwait(false))
            {
                await store.FindRunAsync("health-check", cancellationToken).ConfigureAwait(false);
            }

            return HealthCheckResult.Healthy(stores.Location);
        }
        catch (Exception e) when (e is ProductFlowException or System.Data.Common.DbException or IOException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"{stores.Location}: {e.Message.ReplaceLineEndings(" ")}");
        }
    }
}
