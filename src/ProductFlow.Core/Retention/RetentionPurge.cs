using ProductFlow.Inbox;
using ProductFlow.Store;

namespace ProductFlow.Retention;

/// <summary>One retention pass: closed quarantine entries from the store, report folders from the data folder, filed feeds from the archive,
/// each older than the policy says.</summary>
/// <remarks>Idempotent: a second pass finds nothing more to delete. Each part stands alone, so a pass that fails midway (the archive's Blob
/// Storage down) has done its earlier parts and the next pass does the rest.</remarks>
public static class RetentionPurge
{
    public static async Task<RetentionResult> RunAsync(
        RetentionPolicy policy, IProductStore store, IFeedArchive archive, string reportsDirectory, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(archive);
        var quarantine = await store.PurgeClosedQuarantineAsync(now - policy.ClosedQuarantine, cancellationToken).ConfigureAwait(false);
        var reports = ReportFolders.Purge(reportsDirectory, now - policy.Reports, cancellationToken);
        var archived = await archive.PurgeAsync(FeedShelf.Archive, now - policy.ArchivedFeeds, cancellationToken).ConfigureAwait(false);
        var failed = await archive.PurgeAsync(FeedShelf.Failed, now - policy.FailedFeeds, cancellationToken).ConfigureAwait(false);
        return new RetentionResult(reports, archived, failed, quarantine);
    }
}
