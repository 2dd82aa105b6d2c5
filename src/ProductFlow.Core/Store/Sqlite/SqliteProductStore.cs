using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using ProductFlow.Model;

namespace ProductFlow.Store.Sqlite;

/// <summary>The embedded product store: one SQLite file (<c>&lt;data&gt;/productflow.db</c>), no server.</summary>
/// <remarks>A run's writes are one SQLite transaction (<see cref="SqliteStoreSession"/>), so a run that fails or is killed leaves nothing behind.</remarks>
public sealed class SqliteProductStore : IProductStore
{
    public const string FileName = "productflow.db";

    private readonly SqliteConnection _connection;

    private SqliteProductStore(SqliteConnection connection) => _connection = connection;

    public static SqliteProductStore Open(string dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(dataDirectory);
        var path = Path.Combine(dataDirectory, FileName);
        try
        {
            Directory.CreateDirectory(dataDirectory);
            var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
            connection.Open();
            using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 10000; PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;";
                pragma.ExecuteNonQuery();
            }

            SqliteSchema.Migrate(connection);
            return new SqliteProductStore(connection);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new InfrastructureException($"the embedded store {path} cannot be opened: {e.Message}", path, e);
        }
    }

    public async Task SaveRunAsync(RunRecord run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        await using var command = _connection.CreateCommand();
        command.CommandText = """
            INSERT INTO runs (id, pipeline, feed_name, feed_size, feed_sha256, started, finished, status, read, accepted, rejected, warnings, changed, report)
            VALUES ($id, $pipeline, $feedName, $feedSize, $feedSha, $started, $finished, $status, $read, $accepted, $rejected, $warnings, $changed, $report)
            ON CONFLICT (id) DO UPDATE SET finished = excluded.finished, status = excluded.status, read = excluded.read,
                accepted = excluded.accepted, rejected = excluded.rejected, warnings = excluded.warnings, changed = excluded.changed, report = excluded.report
            """;
        command.Parameters.AddWithValue("$id", run.Id);
        command.Parameters.AddWithValue("$pipeline", run.Pipeline);
        command.Parameters.AddWithValue("$feedName", run.Feed.Name);
        command.Parameters.AddWithValue("$feedSize", run.Feed.Size);
        command.Parameters.AddWithValue("$feedSha", run.Feed.Sha256);
        command.Parameters.AddWithValue("$started", Timestamp(run.Started));
        command.Parameters.AddWithValue("$finished", run.Finished is { } finished ? Timestamp(finished) : DBNull.Value);
        command.Parameters.AddWithValue("$status", run.Status.ToString().ToLowerInvariant());
        command.Parameters.AddWithValue("$read", run.Counts.Read);
        command.Parameters.AddWithValue("$accepted", run.Counts.Accepted);
        command.Parameters.AddWithValue("$rejected", run.Counts.Rejected);
        command.Parameters.AddWithValue("$warnings", run.Counts.Warnings);
        command.Parameters.AddWithValue("$changed", run.Counts.Changed);
        command.Parameters.AddWithValue("$report", (object?)run.Report ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<IStoreSession> BeginAsync(RunRecord run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Task.FromResult<IStoreSession>(new SqliteStoreSession(_connection, run.Id, Timestamp(run.Started)));
    }

    public async IAsyncEnumerable<ProductRecord> ReadChannelAsync(string channel, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = "SELECT doc FROM products WHERE enabled = 1 AND instr(blocked, $channel) = 0 ORDER BY sku";
        command.Parameters.AddWithValue("$channel", SqliteStoreSession.BlockedToken(channel));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return ProductDocument.Read((byte[])reader[0]);
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    internal static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
