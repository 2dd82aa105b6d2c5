using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Npgsql;
using NpgsqlTypes;
using ProductFlow.Events;
using ProductFlow.Model;
using ProductFlow.Store;

namespace ProductFlow.PostgreSql;

/// <summary>The production product store on PostgreSQL, with the same contract as the embedded SQLite store.</summary>
/// <remarks>
/// A run's upserts are copied (binary COPY) into a session-private staging table and merged, set-based, batch by
/// batch, in one transaction at commit (<see cref="PostgreSqlStoreSession"/>): a run that fails or is killed commits
/// nothing. Commits are serialised by an advisory lock, so concurrent runs give each SKU one linear history.
/// </remarks>
public sealed partial class PostgreSqlProductStore : IProductStore
{
    private const string RunColumns = "id, pipeline, feed_name, feed_size, feed_sha256, started, finished, status, read, accepted, rejected, warnings, changed, report, removed, submitted_by";

    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;

    private PostgreSqlProductStore(NpgsqlDataSource dataSource, bool ownsDataSource = true)
    {
        _dataSource = dataSource;
        _ownsDataSource = ownsDataSource;
    }

    /// <summary>Where the store is, for messages: <c>host:port/database</c>, never the password.</summary>
    public string Location { get; private init; } = "";

    /// <summary>Connects, migrates the schema, and returns the store; an unreachable or refusing server is an <see cref="InfrastructureException"/>.</summary>
    public static Task<PostgreSqlProductStore> OpenAsync(string store, CancellationToken cancellationToken = default) => OpenAsync(store, create: true, cancellationToken);

    /// <summary>Connects, migrates the schema, and returns the store; an unreachable or refusing server is an <see cref="InfrastructureException"/>.</summary>
    /// <param name="store">The connection string or URL.</param>
    /// <param name="create">Whether a database without ProductFlow's tables gets them (a run); when false (commands that only read), such a database is refused.</param>
    /// <param name="cancellationToken">Stops connecting.</param>
    public static async Task<PostgreSqlProductStore> OpenAsync(string store, bool create, CancellationToken cancellationToken = default)
    {
        var (dataSource, location) = await ConnectAsync(store, cancellationToken, create).ConfigureAwait(false);
        return new PostgreSqlProductStore(dataSource) { Location = location };
    }

    /// <summary>A store on a data source the caller keeps (<see cref="PostgreSqlStoreSource"/>): disposing it leaves the data source open.</summary>
    internal static PostgreSqlProductStore Shared(NpgsqlDataSource dataSource, string location) => new(dataSource, ownsDataSource: false) { Location = location };

    /// <summary>A migrated data source for <paramref name="store"/> and where it is (<c>host:port/database</c>); with <paramref name="create"/> false, a database without a store is refused.</summary>
    internal static async Task<(NpgsqlDataSource DataSource, string Location)> ConnectAsync(string store, CancellationToken cancellationToken, bool create = true)
    {
        ArgumentNullException.ThrowIfNull(store);
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = PostgreSqlConnectionString.Parse(store);
        }
        catch (ArgumentException e)
        {
            throw new InfrastructureException($"the PostgreSQL store at {PostgreSqlConnectionString.HostOf(store)} cannot be opened: {e.Message}") { Hint = "give --store a Host=...;Database=... string or a postgresql://user:password@host:port/db URL" };
        }

        var location = $"{builder.Host ?? "localhost"}:{builder.Port}/{builder.Database ?? builder.Username ?? ""}";
        var dataSource = NpgsqlDataSource.Create(builder);
        try
        {
            var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                if (!create && !await PostgreSqlSchema.ExistsAsync(connection, cancellationToken).ConfigureAwait(false))
                {
                    throw new InfrastructureException($"the PostgreSQL store at {location} does not exist: the database holds no ProductFlow store", location)
                    {
                        Hint = "check --store or PRODUCTFLOW_STORE, or run a pipeline to create the store",
                    };
                }

                await PostgreSqlSchema.MigrateAsync(connection, cancellationToken).ConfigureAwait(false);
            }

            return (dataSource, location);
        }
        catch (InfrastructureException)
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw new InfrastructureException($"the PostgreSQL store at {location} cannot be opened: {Reason(e)}", location, e);
        }
    }

    public async Task SaveRunAsync(RunRecord run, IReadOnlyList<EventEnvelope>? events = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"""
            INSERT INTO runs ({RunColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
            ON CONFLICT (id) DO UPDATE SET finished = excluded.finished, status = excluded.status, read = excluded.read,
                accepted = excluded.accepted, rejected = excluded.rejected, warnings = excluded.warnings, changed = excluded.changed, report = excluded.report,
                removed = excluded.removed, feed_name = excluded.feed_name, feed_size = excluded.feed_size, feed_sha256 = excluded.feed_sha256,
                submitted_by = coalesce(excluded.submitted_by, runs.submitted_by)
            """, connection, transaction);
        var p = command.Parameters;
        p.Add(new NpgsqlParameter<string>{ TypedValue = run.Id });
        p.Add(new NpgsqlParameter<string>{ TypedValue = run.Pipeline });
        p.Add(new NpgsqlParameter<string>{ TypedValue = run.Feed.Name });
        p.Add(new NpgsqlParameter<long> { TypedValue = run.Feed.Size });
        p.Add(new NpgsqlParameter<string>{ TypedValue = run.Feed.Sha256 });
        p.Add(new NpgsqlParameter<DateTime> { TypedValue = run.Started.UtcDateTime });
        p.Add(new NpgsqlParameter { Value = run.Finished is { } finished ? finished.UtcDateTime : DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        p.Add(new NpgsqlParameter<string> { TypedValue = run.Status.ToString().ToLowerInvariant() });
        p.Add(new NpgsqlParameter<long> { TypedValue = run.Counts.Read });
        p.Add(new NpgsqlParameter<long> { TypedValue = run.Counts.Accepted });
        p.Add(new NpgsqlParameter<long> { TypedValue = run.Counts.Rejected });
        p.Add(new NpgsqlParameter<long> { TypedValue = run.Counts.Warnings });
        p.Add(new NpgsqlParameter<long> { TypedValue = run.Counts.Changed });
        p.Add(new NpgsqlParameter { Value = (object?)run.Report ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        p.Add(new NpgsqlParameter<long> { TypedValue = run.Counts.Removed });
        p.Add(new NpgsqlParameter { Value = (object?)run.SubmittedBy ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        if (events is { Count: > 0 })
        {
            await AddEventsAsync(connection, transaction, events, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IStoreSession> BeginAsync(RunRecord run, SessionOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await PostgreSqlStoreSession.StartAsync(connection, run, options ?? SessionOptions.Partial, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async IAsyncEnumerable<PublishableProduct> ReadPublishableAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(
            """
            SELECT doc, blocked, checked FROM products WHERE enabled AND NOT removed
            ORDER BY coalesce(convert_from(doc, 'UTF8')::jsonb ->> 'parent', sku) COLLATE "C", sku
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new PublishableProduct(ProductDocument.Read(reader.GetFieldValue<byte[]>(0)), reader.GetString(1), reader.GetString(2));
        }
    }

    public async IAsyncEnumerable<ProductChange> ReadChangesAsync(long since, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand("SELECT change_seq, enabled, removed, doc FROM products WHERE change_seq > $1 ORDER BY change_seq, sku");
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = since });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var kind = reader.GetBoolean(2) ? ChangeKind.Removed : reader.GetBoolean(1) ? ChangeKind.Changed : ChangeKind.Disabled;
            yield return new ProductChange(reader.GetInt64(0), kind, ProductDocument.Read(reader.GetFieldValue<byte[]>(3)));
        }
    }

    public async Task<StorePosition> PositionAsync(CancellationToken cancellationToken = default)
    {
        // Sequences are taken under the merge lock, in commit order (PostgreSqlMerge): a higher one is never committed before a lower one.
        await using var command = _dataSource.CreateCommand("SELECT change_seq, sku, version, hash FROM products ORDER BY change_seq DESC LIMIT 1");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? StorePosition.Of(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), reader.GetFieldValue<byte[]>(3))
            : StorePosition.Empty;
    }

    public async IAsyncEnumerable<RunRecord> ReadRunsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand($"SELECT {RunColumns} FROM runs ORDER BY started DESC, id DESC");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return ReadRun(reader);
        }
    }

    public async Task<RunRecord?> FindRunAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        await using var command = _dataSource.CreateCommand($"SELECT {RunColumns} FROM runs WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = id });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ReadRun(reader) : null;
    }

    public async Task<StoredProduct?> FindProductAsync(string sku, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sku);
        await using var command = _dataSource.CreateCommand(
            """
            SELECT p.version, p.removed, p.blocked, p.notes, p.doc, v.lineage
            FROM products p JOIN product_versions v ON v.sku = p.sku AND v.version = p.version WHERE p.sku = $1
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sku });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var record = ProductDocument.Read(reader.GetFieldValue<byte[]>(4));
        record.Notes = NotesJson.Read(reader.GetString(3));
        return new StoredProduct(record, reader.GetInt32(0), reader.GetBoolean(1), StoredProduct.ParseBlocked(reader.GetString(2)), reader.GetFieldValue<byte[]>(5));
    }

    public async IAsyncEnumerable<string> FindSkusAsync(string prefix, int limit, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        // SKUs use the "C" collation (byte order): a range on the keys bounds the scan, and no SKU that starts with the prefix sorts past
        // the prefix followed by the last code point.
        const string InRange = "sku >= $1 AND sku < $2 AND starts_with(sku, $1)";
        await using var command = _dataSource.CreateCommand($"""
            SELECT sku FROM products WHERE {InRange}
            UNION SELECT sku FROM quarantine WHERE closed_by IS NULL AND {InRange}
            ORDER BY sku LIMIT $3
            """);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = prefix });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = prefix + char.ConvertFromUtf32(0x10FFFF) });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return reader.GetString(0);
        }
    }

    public async IAsyncEnumerable<StoredVersion> ReadHistoryAsync(string sku, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sku);
        await using var command = _dataSource.CreateCommand(
            $"SELECT v.version, v.run_id, v.at, {PostgreSqlSchema.VersionDoc}, v.lineage, v.removed FROM product_versions v JOIN products p ON p.sku = v.sku WHERE v.sku = $1 ORDER BY v.version");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sku });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new StoredVersion(
                reader.GetInt32(0), reader.GetString(1), new DateTimeOffset(reader.GetDateTime(2), TimeSpan.Zero), reader.GetFieldValue<byte[]>(3), reader.GetFieldValue<byte[]>(4), reader.GetBoolean(5));
        }
    }

    public async IAsyncEnumerable<QuarantineEntry> ReadQuarantineAsync(bool includeClosed = false, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT q.run_id, q.line, q.sku, q.issues, q.source, q.closed_by FROM quarantine q JOIN runs r ON r.id = q.run_id"
            + (includeClosed ? "" : " WHERE q.closed_by IS NULL") + " ORDER BY r.started DESC, q.run_id DESC, q.line");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new QuarantineEntry(
                reader.GetString(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5));
        }
    }

    public async Task<long> PurgeClosedQuarantineAsync(DateTimeOffset closedBefore, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand("DELETE FROM quarantine q USING runs r WHERE q.closed_by = r.id AND r.started < $1");
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = closedBefore.UtcDateTime });
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<StoredProduct?> FindModelAsync(string code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        await using var command = _dataSource.CreateCommand(
            "SELECT m.version, m.doc, v.lineage FROM product_models m JOIN product_model_versions v ON v.code = m.code AND v.version = m.version WHERE m.code = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = code });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new StoredProduct(ProductDocument.Read(reader.GetFieldValue<byte[]>(1)), reader.GetInt32(0), false, [], reader.GetFieldValue<byte[]>(2))
            : null;
    }

    public async IAsyncEnumerable<string> ReadModelCodesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand("SELECT code FROM product_models");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return reader.GetString(0);
        }
    }

    public async IAsyncEnumerable<StoredVersion> ReadModelHistoryAsync(string code, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        await using var command = _dataSource.CreateCommand("SELECT version, run_id, at, doc, lineage FROM product_model_versions WHERE code = $1 ORDER BY version");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = code });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new StoredVersion(
                reader.GetInt32(0), reader.GetString(1), new DateTimeOffset(reader.GetDateTime(2), TimeSpan.Zero), reader.GetFieldValue<byte[]>(3), reader.GetFieldValue<byte[]>(4));
        }
    }

    public async IAsyncEnumerable<StoredProduct> ReadVariantsAsync(IReadOnlyCollection<string> models, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(models);
        if (models.Count == 0)
        {
            yield break;
        }

        // One scan for all the models (a run changes few of them); products keep their parent in the document only.
        await using var command = _dataSource.CreateCommand(
            """
            SELECT p.version, p.removed, p.blocked, p.notes, p.doc, v.lineage
            FROM products p JOIN product_versions v ON v.sku = p.sku AND v.version = p.version
            WHERE NOT p.removed AND convert_from(p.doc, 'UTF8')::jsonb ->> 'parent' = ANY($1) ORDER BY p.sku
            """);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = models.ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var record = ProductDocument.Read(reader.GetFieldValue<byte[]>(4));
            record.Notes = NotesJson.Read(reader.GetString(3));
            yield return new StoredProduct(record, reader.GetInt32(0), reader.GetBoolean(1), StoredProduct.ParseBlocked(reader.GetString(2)), reader.GetFieldValue<byte[]>(5));
        }
    }

    public async IAsyncEnumerable<ProductRecord> ReadModelsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand("SELECT doc FROM product_models ORDER BY coalesce(parent, code), code"); // "C": ordinal
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return ProductDocument.Read(reader.GetFieldValue<byte[]>(0));
        }
    }

    public ValueTask DisposeAsync() => _ownsDataSource ? _dataSource.DisposeAsync() : ValueTask.CompletedTask;

    private static RunRecord ReadRun(NpgsqlDataReader reader) => new()
    {
        Id = reader.GetString(0),
        Pipeline = reader.GetString(1),
        Feed = new FeedInfo(reader.GetString(2), reader.GetInt64(3), reader.GetString(4)),
        Started = new DateTimeOffset(reader.GetDateTime(5), TimeSpan.Zero),
        Finished = reader.IsDBNull(6) ? null : new DateTimeOffset(reader.GetDateTime(6), TimeSpan.Zero),
        Status = Enum.Parse<RunStatus>(reader.GetString(7), ignoreCase: true),
        Counts = new RunCounts
        {
            Read = reader.GetInt64(8), Accepted = reader.GetInt64(9), Rejected = reader.GetInt64(10), Warnings = reader.GetInt64(11), Changed = reader.GetInt64(12), Removed = reader.GetInt64(14),
        },
        Report = reader.IsDBNull(13) ? null : reader.GetString(13),
        SubmittedBy = reader.IsDBNull(15) ? null : reader.GetString(15),
    };

    private static string Reason(Exception e)
    {
        var reason = e is PostgresException postgres ? postgres.MessageText : e.Message;
        if (e.InnerException is { } inner && e is not PostgresException)
        {
            reason += ": " + inner.Message;
        }

        return reason.ReplaceLineEndings(" ");
    }
}
