using Microsoft.Extensions.Logging;
using ProductFlow.Pipelines;
using ProductFlow.Publishing;
using ProductFlow.Running;

namespace ProductFlow.Scheduling;

/// <summary>What a schedule does when it fires: publishes its channels from the store, each as its kind and mode say (a delta where the
/// channel keeps deltas), with the services of the process (store, exports, events).</summary>
/// <remarks>Idempotent: run twice, the second finds nothing changed since the version the first committed and publishes no new version.</remarks>
public static class ScheduledPublication
{
    public static async Task<IReadOnlyList<PublishResult>> RunAsync(Schedule schedule, RunServices services, TimeProvider? time = null, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(services);
        var (_, catalog) = PipelineLoader.Load(schedule.Pipeline);
        var channels = schedule.Channels.Select(code => catalog.FindChannel(code)!).ToList();
        var store = await services.OpenStore(cancellationToken).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            // With events, each committed version's event goes to this store's outbox; an OutboxSender sends it.
            var publisher = new ChannelPublisher(services.Exports, time, services.Events is null ? null : store, logger);
            return await publisher.PublishAsync(store, channels, catalog, new PublishRequest { RunId = "schedule:" + schedule.Id }, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The schedule <paramref name="id"/> of the pipelines in <paramref name="pipelinesDirectory"/>, or a one-line error listing the ids.</summary>
    public static Schedule Find(string pipelinesDirectory, string id)
    {
        var schedules = ScheduleCatalog.Load(pipelinesDirectory);
        return schedules.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.Ordinal))
            ?? throw new ProductFlowException($"no schedule '{id}' in {pipelinesDirectory}")
            {
                Hint = schedules.Count == 0 ? "give a channel or a scheduled pipeline a \"schedule\"" : "the schedules are " + string.Join(", ", schedules.Select(s => s.Id)),
            };
    }
}
