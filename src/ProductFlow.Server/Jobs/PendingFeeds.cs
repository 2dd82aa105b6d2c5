using Hangfire;
using Hangfire.Storage;

namespace ProductFlow.Server.Jobs;

/// <summary>The feeds of an inbox folder that have a job waiting or running, kept in Hangfire's own storage (a set per folder), so that a poll
/// does not enqueue the same feed again while its job waits behind another.</summary>
/// <remarks>An entry older than <see cref="Stale"/> is taken as lost (its job failed for good) and the feed is enqueued again.</remarks>
internal sealed class PendingFeeds(JobStorage storage, TimeProvider time)
{
    public static readonly TimeSpan Stale = TimeSpan.FromHours(1);

    private static string Key(string folder) => "productflow:inbox:" + folder;

    /// <summary>Marks <paramref name="feed"/> pending; false when it already was (and is not stale).</summary>
    public bool TryAdd(string folder, string feed)
    {
        using var connection = (JobStorageConnection)storage.GetConnection();
        var key = Key(folder);
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        // As many as the set holds: Hangfire.InMemory sizes its answer by the count asked for, so int.MaxValue would not fit in memory.
        var count = (int)Math.Clamp(connection.GetSetCount(key), 1, int.MaxValue);
        var since = connection.GetFirstByLowestScoreFromSet(key, now - Stale.TotalSeconds, double.MaxValue, count);
        if (since.Contains(feed, StringComparer.Ordinal))
        {
            return false;
        }

        using var transaction = connection.CreateWriteTransaction();
        transaction.AddToSet(key, feed, now);
        transaction.Commit();
        return true;
    }

    public void Remove(string folder, string feed)
    {
        using var connection = storage.GetConnection();
        using var transaction = connection.CreateWriteTransaction();
        transaction.RemoveFromSet(Key(folder), feed);
        transaction.Commit();
    }
}
