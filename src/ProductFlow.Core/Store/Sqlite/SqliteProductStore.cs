using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using ProductFlow.Events;
using ProductFlow.Model;

namespace ProductFlow.Store.Sqlite;

/// <summary>The embedded product store: one SQLite file (<c>&lt;data&gt;/productflow.db</c>), no server.</summary>
/// <remarks>
/// <para>A run's writes are one SQLite transaction (<see cref="SqliteStoreSession"/>), so a run that fails or is killed leaves nothing behind.</para>
/// <para>One connection per store object, used by one caller at a time. SQLite has one writer: while another store object (another
/// process, or the host's other connection) holds a write transaction, such as a run's, a write here waits for it up to
/// <see cref="BusyTimeout"/> (and the command's timeout) and then fails: a host writes what must not fail a request (the access log)
/// through a queue that retries. Write transactions start with <c>BEGIN IMMEDIATE</c>, so they wait at their start: one that had read
/// first would be refused at once when it came to write.</para>
/// </remarks>
public sealed partial class SqliteProductStore : IProductStore
{
    public const string FileName = "productflow.db";

    /// <summary>How long a write waits at least for another connection's write transaction to end (SQLite's busy timeout).</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(10);

    private readonly SqliteConnection _connection;

    // Reads a run makes while its session writes through _connection on another thread (SqliteReader).
    private readonly SqliteReader _reader;

    // Copies a run's committed log into the database file while the run goes on (see SqliteCheckpoint).
    private readonly SqliteCheckpoint _checkpoint;

    private SqliteProductStore(SqliteConnection connection, string path)
    {
        _connection = connection;
        _reader = new SqliteReader(path);
        _checkpoint = new SqliteCheckpoint(path);
    }

    /// <summary>Opens the store of <paramref name="dataDirectory"/>, creating it (and the folder) when <paramref name="create"/> (a run), else refusing a store that does not exist.</summary>
    /// <remarks>Commands that only read a store never create one: a mistyped <c>--data</c> would otherwise read (or publish) an empty store.</remarks>
    public static SqliteProductStore Open(string dataDirectory, bool create = true)
    {
        ArgumentNullException.ThrowIfNull(dataDirectory);
        var path = Path.Combine(dataDirectory, FileName);
        if (!create && !File.Exists(path))
        {
            throw new InfrastructureException($"the embedded store {path} does not exist", path)
            {
                Hint = "run the command from the project folder (the one that holds pipelines/ and data/) or give --data, or run a pipeline to create the store",
            };
        }

        try
        {
            Directory.CreateDirectory(dataDirectory);
            var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
            connection.Open();
            using (var pragma = connection.CreateCommand())
            {
                // A 16 MB page cache: a run's one transaction is larger than any cache (it spills to the WAL either way), and 64 MB
                // cost 48 MB of every run's peak for no measurable CPU. Temporary tables and sorts (a full run's temp.seen, a SKU
                // string per row) go to a temporary file past SQLite's small temp cache instead of growing in memory with the feed.
                pragma.CommandText = string.Create(
                    CultureInfo.InvariantCulture,
                    $"PRAGMA page_size = 16384; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = {BusyTimeout.TotalMilliseconds}; PRAGMA cache_size = -16384; PRAGMA temp_store = FILE;");
                pragma.ExecuteNonQuery();
            }

            SqliteSchema.Migrate(connection);
            return new SqliteProductStore(connection, path);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new InfrastructureException($"the embedded store {path} cannot be opened: {e.Message}", path, e);
        }
    }

    public async Task SaveRunAsync(RunRecord run, IReadOnlyList<EventEnvelope>? events = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        using var transaction = _connection.BeginTransaction();
        await using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO runs (id, pipeline, feed_name, feed_size, feed_sha256, started, finished, status, read, accepted, rejected, warnings, changed, report, removed, submitted_by)
            VALUES ($id, $pipeline, $feedName, $feedSize, $feedSha, $started, $finished, $status, $read, $accepted, $rejected, $warnings, $changed, $report, $removed, $submittedBy)
            ON CONFLICT (id) DO UPDATE SET finished = excluded.finished, status = excluded.status, read = excluded.read,
                accepted = excluded.accepted, rejected = excluded.rejected, warnings = excluded.warnings, changed = excluded.changed, report = excluded.report,
                removed = excluded.removed, feed_name = excluded.feed_name, feed_size = excluded.feed_size, feed_sha256 = excluded.feed_sha256,
                submitted_by = coalesce(excluded.submitted_by, runs.submitted_by)
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
        command.Parameters.AddWithValue("$removed", run.Counts.Removed);
        command.Parameters.AddWithValue("$report", (object?)run.Report ?? DBNull.Value);
        command.Parameters.AddWithValue("$submittedBy", (object?)run.SubmittedBy ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        if (events is { Count: > 0 })
        {
            AddEvents(transaction, events);
        }

        transaction.Commit();
    }

    public Task<IStoreSession> BeginAsync(RunRecord run, SessionOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Task.FromResult<IStoreSession>(new SqliteStoreSession(_connection, _checkpoint, run, options ?? SessionOptions.Partial));
    }

    public async IAsyncEnumerable<PublishableProduct> ReadPublishableAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // A statement of its own, its rows read in place: each document is parsed from SQLite's buffer, not a copy of it.
        using var query = new SqliteStatement(
            _connection,
            "SELECT doc, blocked, checked FROM products WHERE enabled = 1 AND removed = 0 "
            + "ORDER BY model, sku"); // model = coalesce(json_extract(doc, '$.parent'), sku), read from the products_model index
        var blocked = new Utf8Strings();
        var checkedFor = new Utf8Strings();
        try
        {
            while (query.Read())
            {
                var product = new PublishableProduct(ProductDocument.Read(query.Blob(0)), blocked.Of(query.Blob(1)), checkedFor.Of(query.Blob(2)));
                yield return product;
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        finally
        {
            query.Reset(); // a read stopped early releases its hold on the database
        }
    }

    public async IAsyncEnumerable<ProductChange> ReadChangesAsync(long since, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = "SELECT change_seq, enabled, removed, doc FROM products WHERE change_seq > $since ORDER BY change_seq, sku";
        command.Parameters.AddWithValue("$since", since);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var kind = reader.GetInt64(2) != 0 ? ChangeKind.Removed : reader.GetInt64(1) == 0 ? ChangeKind.Disabled : ChangeKind.Changed;
            yield return new ProductChange(reader.GetInt64(0), kind, ProductDocument.Read((byte[])reader[3]));
        }
    }

    public async Task<StorePosition> PositionAsync(CancellationToken cancellationToken = default)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = "SELECT change_seq, sku, version, hash FROM products ORDER BY change_seq DESC LIMIT 1"; // from the products_change_seq index
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? StorePosition.Of(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), (byte[])reader[3])
            : StorePosition.Empty;
    }

    public async IAsyncEnumerable<RunRecord> ReadRunsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT {RunColumns} FROM runs ORDER BY started DESC, id DESC";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return ReadRun(reader);
        }
    }

    public async Task<RunRecord?> FindRunAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        await using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT {RunColumns} FROM runs WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadRun(reader) : null;
    }

    public async Task<StoredProduct?> FindProductAsync(string sku, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sku);
        await using var command = _connection.CreateCommand();
        command.CommandText = """
            SELECT p.version, p.removed, p.blocked, p.notes, p.doc, v.lineage
            FROM products p JOIN product_version_rows v ON v.sku = p.sku AND v.version = p.version WHERE p.sku = $sku
            """;
        command.Parameters.AddWithValue("$sku", sku);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var record = ProductDocument.Read((byte[])reader[4]);
        record.Notes = NotesJson.Read(reader.GetString(3));
        return new StoredProduct(record, reader.GetInt32(0), reader.GetInt64(1) != 0, StoredProduct.ParseBlocked(reader.GetString(2)), (byte[])reader[5]);
    }

    public async IAsyncEnumerable<string> FindSkusAsync(string prefix, int limit, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await using var command = _connection.CreateCommand();
        // A range on the keys (both indexed) bounds the scan; SKUs compare as their UTF-8 bytes, and no SKU that starts with the prefix
        // sorts past the prefix followed by the last code point.
        const string InRange = "sku >= $prefix AND sku < $upper AND substr(sku, 1, length($prefix)) = $prefix";
        command.CommandText = $"""
            SELECT sku FROM products WHERE {InRange}
            UNION SELECT sku FROM quarantine WHERE closed_by IS NULL AND {InRange}
            ORDER BY sku LIMIT $limit
            """;
        command.Parameters.AddWithValue("$prefix", prefix);
        command.Parameters.AddWithValue("$upper", prefix + char.ConvertFromUtf32(0x10FFFF));
        command.Parameters.AddWithValue("$limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return reader.GetString(0);
        }
    }

    public async IAsyncEnumerable<StoredVersion> ReadHistoryAsync(string sku, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sku);
        await using var command = _connection.CreateCommand();
        command.CommandText = "SELECT version, run_id, at, doc, lineage, removed FROM product_versions WHERE sku = $sku ORDER BY version";
        command.Parameters.AddWithValue("$sku", sku);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new StoredVersion(reader.GetInt32(0), reader.GetString(1), ParseTimestamp(reader.GetString(2)), (byte[])reader[3], (byte[])reader[4], reader.GetInt64(5) != 0);
        }
    }

    public async IAsyncEnumerable<QuarantineEntry> ReadQuarantineAsync(bool includeClosed = false, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = "SELECT q.run_id, q.line, q.sku, q.issues, q.source, q.closed_by FROM quarantine q JOIN runs r ON r.id = q.run_id"
            + (includeClosed ? "" : " WHERE q.closed_by IS NULL") + " ORDER BY r.started DESC, q.run_id DESC, q.line";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new QuarantineEntry(
                reader.GetString(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5));
        }
    }

    public async Task<long> PurgeClosedQuarantineAsync(DateTimeOffset closedBefore, CancellationToken cancellationToken = default)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = "DELETE FROM quarantine WHERE closed_by IN (SELECT id FROM runs WHERE started < $before)";
        command.Parameters.AddWithValue("$before", Timestamp(closedBefore));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<StoredProduct?> FindModelAsync(string code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        return _reader.FindModelAsync(code, cancellationToken);
    }

    public IAsyncEnumerable<StoredProduct> ReadVariantsAsync(IReadOnlyCollection<string> models, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(models);
        return _reader.ReadVariantsAsync(models, cancellationToken);
    }

    public async IAsyncEnumerable<StoredVersion> ReadModelHistoryAsync(string code, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        await using var command = _connection.CreateCommand();
        command.CommandText = "SELECT version, run_id, at, doc, lineage FROM product_model_versions WHERE code = $code ORDER BY version";
        command.Parameters.AddWithValue("$code", code);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new StoredVersion(reader.GetInt32(0), reader.GetString(1), ParseTimestamp(reader.GetString(2)), (byte[])reader[3], (byte[])reader[4]);
        }
    }

    public IAsyncEnumerable<string> ReadModelCodesAsync(CancellationToken cancellationToken = default) => _reader.ReadModelCodesAsync(cancellationToken);

    public async IAsyncEnumerable<ProductRecord> ReadModelsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var model in _reader.ReadModelsAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return model.Record;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _reader.DisposeAsync().ConfigureAwait(false);
        await _checkpoint.DisposeAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
    }

    internal static DateTimeOffset ParseTimestamp(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private const string RunColumns = "id, pipeline, feed_name, feed_size, feed_sha256, started, finished, status, read, accepted, rejected, warnings, changed, report, removed, submitted_by";

    private static RunRecord ReadRun(SqliteDataReader reader) => new()
    {
        Id = reader.GetString(0),
        Pipeline = reader.GetString(1),
        Feed = new FeedInfo(reader.GetString(2), reader.GetInt64(3), reader.GetString(4)),
        Started = ParseTimestamp(reader.GetString(5)),
        Finished = reader.IsDBNull(6) ? null : ParseTimestamp(reader.GetString(6)),
        Status = Enum.Parse<RunStatus>(reader.GetString(7), ignoreCase: true),
        Counts = new RunCounts
        {
            Read = reader.GetInt64(8), Accepted = reader.GetInt64(9), Rejected = reader.GetInt64(10), Warnings = reader.GetInt64(11), Changed = reader.GetInt64(12), Removed = reader.GetInt64(14),
        },
        Report = reader.IsDBNull(13) ? null : reader.GetString(13),
        SubmittedBy = reader.IsDBNull(15) ? null : reader.GetString(15),
    };

    internal static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
