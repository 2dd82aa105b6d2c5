using System.ComponentModel;
using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ProductFlow.Retention;
using ProductFlow.Server.Configuration;
using ProductFlow.Server.Inbox;

namespace ProductFlow.Server.Jobs;

/// <summary>The recurring job <c>retention</c>: purges reports, filed feeds and closed quarantine entries older than <c>ProductFlow:Retention</c> says.</summary>
/// <remarks>Idempotent (a second pass finds nothing more) and one at a time across every worker. A failure (the store or Blob Storage down) is
/// retried; what the pass had purged stays purged.</remarks>
public sealed partial class RetentionJobs(
    StoreProvider stores, InboxProvider inboxes, JobLocks locks, TimeProvider time, IOptions<ProductFlowOptions> options, ILogger<RetentionJobs> logger)
{
    public const string Id = "retention";

    [Queue(JobQueues.Default)]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [60, 300, 900])]
    [DisplayName("Retention")]
    public async Task PurgeAsync(CancellationToken cancellationToken)
    {
        await using var held = await locks.TryAcquireAsync(Id, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        if (held is null)
        {
            return; // another worker is purging now
        }

        var settings = options.Value;
        var store = await stores.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (store.ConfigureAwait(false))
        {
            var reports = Path.Combine(Path.GetFullPath(settings.DataDirectory), "reports");
            var result = await RetentionPurge.RunAsync(settings.Retention.Policy(), store, inboxes.Archive(), reports, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            LogPurged(logger, result.Reports, result.ArchivedFeeds, result.FailedFeeds, result.ClosedQuarantine);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {Reports} report(s), {Archived} archived feed(s), {Failed} failed feed(s), {Quarantine} closed quarantine entr(ies) purged")]
    private static partial void LogPurged(ILogger logger, int reports, int archived, int failed, long quarantine);
}
