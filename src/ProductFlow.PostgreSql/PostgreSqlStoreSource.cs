using Npgsql;
using ProductFlow.Store;

namespace ProductFlow.PostgreSql;

/// <summary>One connection pool to a PostgreSQL store for a long-lived process (the service host): migrated once, shared by every
/// store object it hands out.</summary>
/// <remarks>Each <see cref="OpenAsync"/> returns a store whose disposal leaves the pool open; the source itself closes it.
/// The pool is made on first use, so a host starts (and says it is not ready) while the server is still down.</remarks>
public sealed class PostgreSqlStoreSource : IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private NpgsqlDataSource? _dataSource;
    private string _location = "";

    public PostgreSqlStoreSource(string connectionString)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        _connectionString = connectionString;
    }

    public async Task<IProductStore> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _dataSource) is { } ready)
        {
            return PostgreSqlProductStore.Shared(ready, _location);
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_dataSource is null)
            {
                var (dataSource, location) = await PostgreSqlProductStore.ConnectAsync(_connectionString, cancellationToken).ConfigureAwait(false);
                _location = location;
                Volatile.Write(ref _dataSource, dataSource);
            }

            return PostgreSqlProductStore.Shared(_dataSource, _location);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }

        _gate.Dispose();
    }
}
