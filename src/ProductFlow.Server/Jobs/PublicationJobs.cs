using System.ComponentModel;
using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProductFlow.Running;
using ProductFlow.Scheduling;
using ProductFlow.Server.Configuration;

namespace ProductFlow.Server.Jobs;

/// <summary>Nightly syndication: a schedule's job publishes its channels from the store, each as its kind and mode say (a delta where the
/// channel keeps deltas).</summary>
/// <remarks>Idempotent: a second execution finds nothing changed since the version the first committed and publishes no new version. One
/// publication per schedule at a time across every worker; the export store's per-channel lock keeps any two publications of a channel apart.</remarks>
public sealed partial class PublicationJobs(
    RunServices services, JobLocks locks, TimeProvider time, IOptions<ProductFlowOptions> options, ILogger<PublicationJobs> logger)
{
    [Queue(JobQueues.Publish)]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [30, 120, 600])]
    [DisplayName("Publish {0}")]
    public async Task PublishAsync(string scheduleId, CancellationToken cancellationToken)
    {
        await using var held = await locks.AcquireAsync("publish:" + scheduleId, TimeSpan.FromMinutes(10), cancellationToken).ConfigureAwait(false);
        var schedule = ScheduledPublication.Find(Path.GetFullPath(options.Value.Pipelines), scheduleId);
        using var grace = new ShutdownGrace(options.Value.Jobs.ShutdownTimeout, cancellationToken);
        foreach (var result in await ScheduledPublication.RunAsync(schedule, services, time, logger, grace.Token).ConfigureAwait(false))
        {
            LogPublished(logger, scheduleId, result.Channel, result.Published, result.Version, result.Records);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule {Schedule}: channel {Channel} published {Published} (version {Version}, {Records} records)")]
    private static partial void LogPublished(ILogger logger, string schedule, string channel, bool published, int? version, long records);
}
