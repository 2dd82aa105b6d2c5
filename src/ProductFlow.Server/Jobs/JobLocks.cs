using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Options;
using ProductFlow.PostgreSql;
using ProductFlow.Server.Configuration;
using ProductFlow.Server.Extensions;

namespace ProductFlow.Server.Jobs;

/// <summary>Keeps two jobs on the same thing (a pipeline's ingestion, a schedule's publication, an inbox's poll) from running at once, across
/// every worker: a PostgreSQL advisory lock in service mode (released by PostgreSQL the moment its holder dies), Hangfire's own lock in the one
/// process of <c>--embedded</c>.</summary>
public sealed class JobLocks(IOptions<ProductFlowOptions> options, JobStorage storage, HostModeHolder mode)
{
    /// <summary>Takes the lock on <paramref name="name"/>, waiting up to <paramref name="wait"/>; null when it stayed held by another job.</summary>
    public async Task<IAsyncDisposable?> TryAcquireAsync(string name, TimeSpan wait, CancellationToken cancellationToken)
    {
        if (mode.Mode == HostMode.Embedded)
        {
            try
            {
                using var connection = storage.GetConnection();
                return new Held(connection.AcquireDistributedLock("productflow:" + name, wait));
            }
            catch (DistributedLockTimeoutException)
            {
                return null;
            }
        }

        var settings = options.Value;
        return await PostgreSqlAdvisoryLock.TryAcquireAsync(settings.Jobs.ConnectionString ?? settings.Store.ConnectionString!, name, wait, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Takes the lock or throws, so that Hangfire retries the job later.</summary>
    public async Task<IAsyncDisposable> AcquireAsync(string name, TimeSpan wait, CancellationToken cancellationToken) =>
        await TryAcquireAsync(name, wait, cancellationToken).ConfigureAwait(false)
        ?? throw new ProductFlowException($"'{name}' is still held by another job after {wait.TotalSeconds:0} s: retried later");

    private sealed class Held(IDisposable handle) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            handle.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
