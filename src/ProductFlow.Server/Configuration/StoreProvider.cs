using ProductFlow.PostgreSql;
using ProductFlow.Store;
using ProductFlow.Store.Sqlite;

namespace ProductFlow.Server.Configuration;

/// <summary>Opens the host's product store for one piece of work (a request, a run, a batch of events): the embedded SQLite file
/// of the data folder, or the configured PostgreSQL server through one shared, once-migrated pool.</summary>
/// <remarks>Every store object it returns is disposed by its caller. SQLite store objects are not shared between threads (each has
/// its connection), so a request never waits on another's; the PostgreSQL ones share the pool.</remarks>
public sealed class StoreProvider : IAsyncDisposable
{
    private readonly string? _dataDirectory;
    private readonly PostgreSqlStoreSource? _postgres;

    private StoreProvider(string? dataDirectory, PostgreSqlStoreSource? postgres)
    {
        _dataDirectory = dataDirectory;
        _postgres = postgres;
    }

    /// <summary>Where the store is, for messages and health checks (never a password).</summary>
    public string Location { get; private init; } = "";

    public static StoreProvider Embedded(string dataDirectory) =>
        new(Path.GetFullPath(dataDirectory), null) { Location = Path.Combine(Path.GetFullPath(dataDirectory), SqliteProductStore.FileName) };

    public static StoreProvider PostgreSql(string connectionString) =>
        new(null, new PostgreSqlStoreSource(connectionString)) { Location = PostgreSqlConnectionString.HostOf(connectionString) };

    public async Task<IProductStore> OpenAsync(CancellationToken cancellationToken = default) =>
        _postgres is not null
            ? await _postgres.OpenAsync(cancellationToken).ConfigureAwait(false)
            : SqliteProductStore.Open(_dataDirectory!);

    public ValueTask DisposeAsync() => _postgres?.DisposeAsync() ?? ValueTask.CompletedTask;
}
