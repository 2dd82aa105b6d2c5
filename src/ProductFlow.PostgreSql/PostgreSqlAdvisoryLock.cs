using Npgsql;

namespace ProductFlow.PostgreSql;

/// <summary>A PostgreSQL session-level advisory lock on a name, held on a connection of its own until disposed.</summary>
/// <remarks>PostgreSQL releases it when the connection ends, so a process that is killed while holding it frees it at once: no stale lock
/// waits for a timeout, and a holder is never timed out while it still works (a long run keeps its lock as long as it runs).</remarks>
public sealed class PostgreSqlAdvisoryLock : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;

    private PostgreSqlAdvisoryLock(NpgsqlConnection connection) => _connection = connection;

    /// <summary>Takes the lock on <paramref name="name"/>, trying every half second for up to <paramref name="wait"/>; null when another holder kept it.</summary>
    public static async Task<PostgreSqlAdvisoryLock?> TryAcquireAsync(string connectionString, string name, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var builder = PostgreSqlConnectionString.Parse(connectionString);
        builder.Pooling = false; // the lock lives as long as this connection: it must really close when released
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var deadline = DateTimeOffset.UtcNow + wait;
            while (true)
            {
                await using (var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(hashtextextended($1, 0))", connection))
                {
                    command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = "productflow:" + name });
                    if ((bool)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
                    {
                        return new PostgreSqlAdvisoryLock(connection);
                    }
                }

                if (DateTimeOffset.UtcNow >= deadline)
                {
                    await connection.DisposeAsync().ConfigureAwait(false);
                    return null;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
