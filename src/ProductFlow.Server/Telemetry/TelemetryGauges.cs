using System.Data.Common;
using Hangfire;
using Microsoft.Extensions.Hosting;
using ProductFlow.Server.Jobs;
using ProductFlow.Telemetry;

namespace ProductFlow.Server.Telemetry;

/// <summary>Feeds the gauges of the <c>ProductFlow</c> meter while <c>serve</c> runs: each queue's waiting jobs (Hangfire's monitoring API, read
/// at each collection) and each channel's publication lag (<see cref="PublicationLagMonitor"/>).</summary>
/// <remarks>Only <c>serve</c> observes them: the values are the service's, the same from every process, so workers would only repeat them.</remarks>
internal sealed class TelemetryGauges(JobStorage storage, PublicationLagMonitor lags) : IHostedService
{
    private readonly List<IDisposable> _observed = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _observed.Add(ProductFlowMetrics.ObserveQueueLength(QueueLengths));
        _observed.Add(ProductFlowMetrics.ObservePublicationLag(lags.Measure));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _observed.ForEach(o => o.Dispose());
        _observed.Clear();
        return Task.CompletedTask;
    }

    private List<(string Queue, long Length)> QueueLengths()
    {
        try
        {
            var monitoring = storage.GetMonitoringApi();
            return JobQueues.All.Select(queue => (queue, monitoring.EnqueuedCount(queue))).ToList();
        }
        catch (Exception e) when (e is DbException or TimeoutException or InvalidOperationException)
        {
            return []; // Hangfire's database is down: no value rather than a wrong one (the health check says why)
        }
    }
}
