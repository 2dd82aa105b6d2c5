using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProductFlow.Events;
using ProductFlow.Publishing;
using ProductFlow.Server.Configuration;
using ProductFlow.Server.Extensions;
using ProductFlow.Server.Jobs;

namespace ProductFlow.Server.Events;

/// <summary>Sends the outbox's events from the host: reconciled with the current versions' manifests at start and every minute, sent every
/// <c>ProductFlow:Events:SendInterval</c>, retried with backoff while the endpoint is down. Nothing to do without an endpoint.</summary>
/// <remarks>One sender at a time across the service's processes (a lock, tried each round), so events go out in the order they were written.</remarks>
internal sealed partial class OutboxDelivery(
    EventPublisherHolder events, StoreProvider stores, IBlobStore exports, JobLocks locks, TimeProvider time, IOptions<ProductFlowOptions> options, ILogger<OutboxDelivery> logger)
    : BackgroundService
{
    private static readonly TimeSpan ReconcileEvery = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (events.Publisher is not { } publisher)
        {
            return;
        }

        var sender = new OutboxSender(logger: logger);
        var reconciled = DateTimeOffset.MinValue;
        using var timer = new PeriodicTimer(options.Value.Events.SendInterval, time);
        do
        {
            try
            {
                await using var held = await locks.TryAcquireAsync("outbox", TimeSpan.Zero, stoppingToken).ConfigureAwait(false);
                if (held is null)
                {
                    continue;
                }

                var store = await stores.OpenAsync(stoppingToken).ConfigureAwait(false);
                await using (store.ConfigureAwait(false))
                {
                    if (time.GetUtcNow() - reconciled >= ReconcileEvery)
                    {
                        var added = await OutboxReconciler.ReconcileAsync(store, exports, stoppingToken).ConfigureAwait(false);
                        reconciled = time.GetUtcNow();
                        if (added > 0)
                        {
                            LogRecovered(logger, added);
                        }
                    }

                    await sender.SendPendingAsync(store, publisher, time.GetUtcNow(), stoppingToken).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is ProductFlowException or System.Data.Common.DbException or IOException or global::Azure.RequestFailedException)
            {
                LogFailed(logger, e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} event(s) of current export versions were missing from the outbox and are added")]
    private static partial void LogRecovered(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Events not sent this round: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
