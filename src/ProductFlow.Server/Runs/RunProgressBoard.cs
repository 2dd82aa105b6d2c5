using System.Globalization;
using Hangfire;
using Hangfire.Storage;
using ProductFlow.Running;

namespace ProductFlow.Server.Runs;

/// <summary>Where a running run's progress is posted (rows, bytes, time), once a second, for every node to read: a hash in Hangfire's own
/// storage (PostgreSQL in service mode, memory with <c>--embedded</c>), so the worker running the job and the node serving the console meet
/// there, with nothing added to the product store.</summary>
/// <remarks>An entry expires an hour after its last post (a killed worker's run does not show progress forever) and is cleared when the run ends.</remarks>
public sealed class RunProgressBoard(JobStorage storage)
{
    private static readonly TimeSpan Expiry = TimeSpan.FromHours(1);

    private static string Key(string runId) => "productflow:progress:" + runId;

    /// <summary>Where the run <paramref name="runId"/> reports its progress.</summary>
    public IProgress<RunProgress> For(string runId) => new Poster(this, runId);

    /// <summary>The run's last posted progress, or null (not running, too quick to post, or gone).</summary>
    public RunProgress? Read(string runId)
    {
        using var connection = storage.GetConnection();
        var entries = connection.GetAllEntriesFromHash(Key(runId));
        if (entries is null || !entries.TryGetValue("rows", out var rows))
        {
            return null;
        }

        return new RunProgress(
            entries.GetValueOrDefault("pipeline", ""), Number(rows), Number(entries.GetValueOrDefault("bytes")), Number(entries.GetValueOrDefault("total")),
            TimeSpan.FromMilliseconds(Number(entries.GetValueOrDefault("elapsed"))));
    }

    /// <summary>Posts that <paramref name="runId"/> is waiting for a worker: a validation has no run record, so this is how it is found
    /// before its job starts.</summary>
    public void Announce(string runId, string pipeline) => Post(runId, new RunProgress(pipeline, 0, 0, 0, TimeSpan.Zero));

    public void Clear(string runId)
    {
        using var connection = storage.GetConnection();
        using var transaction = connection.CreateWriteTransaction();
        transaction.RemoveHash(Key(runId));
        transaction.Commit();
    }

    private void Post(string runId, RunProgress progress)
    {
        using var connection = storage.GetConnection();
        using var transaction = connection.CreateWriteTransaction();
        var key = Key(runId);
        transaction.SetRangeInHash(key,
        [
            new("pipeline", progress.Pipeline), new("rows", Text(progress.Rows)), new("bytes", Text(progress.BytesRead)), new("total", Text(progress.TotalBytes)),
            new("elapsed", Text((long)progress.Elapsed.TotalMilliseconds)),
        ]);
        if (transaction is JobStorageTransaction expiring)
        {
            expiring.ExpireHash(key, Expiry);
        }

        transaction.Commit();
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static long Number(string? text) => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : 0;

    /// <summary>Posts synchronously on the reporter's timer (once a second); a failed post is dropped, never the run.</summary>
    private sealed class Poster(RunProgressBoard board, string runId) : IProgress<RunProgress>
    {
        public void Report(RunProgress value)
        {
            try
            {
                board.Post(runId, value);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Progress is a courtesy to whoever watches: the run goes on without it.
            }
        }
    }
}
