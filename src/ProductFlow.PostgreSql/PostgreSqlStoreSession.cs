using Npgsql;
using NpgsqlTypes;
using ProductFlow.Mapping;
using ProductFlow.Model;
using ProductFlow.Primitives;
using ProductFlow.Store;

namespace ProductFlow.PostgreSql;

/// <summary>One run's writes: binary COPY into session-private staging tables, merged set-based at commit in one transaction.</summary>
/// <remarks>
/// Nothing reaches the shared tables before <see cref="CommitAsync"/>: a feed that is not read to its end, a failed
/// run or a killed process leaves only temporary tables, which the server drops with the connection. At commit the
/// staging rows are merged set-based (<see cref="PostgreSqlMerge"/>: a version row only where the content hash differs),
/// under an advisory lock that serialises commits, so change sequence numbers follow commit order.
/// </remarks>
internal sealed class PostgreSqlStoreSession : IStoreSession
{
    /// <summary>Quarantined records per flush, and rows per chunk of the source merge.</summary>
    public const int BatchSize = 5_000;

    /// <summary>The advisory lock key of commits ("pfmerge").</summary>
    internal const long MergeLock = 0x70666D65726765;

    private const string CopyQuarantine = "COPY pg_temp.staging_quarantine (line, sku, issues, source) FROM STDIN (FORMAT BINARY)";

    private readonly NpgsqlConnection _connection;
    private readonly RunRecord _run;
    private readonly SessionOptions _options;
    private readonly DateTime _at;
    private readonly ProductDocument _document = new();
    private readonly SourceContribution? _contribution; // with a merge key: what the run's source sends, kept by a merge (PostgreSqlMerge)
    private readonly List<(long Line, string? Sku, string Issues, string Source)> _quarantine = [];

    // Hashes of the staged SKUs: when none repeats (the rule), the commit skips removing earlier duplicates.
    private readonly HashSet<ulong> _skus = [];
    private bool _duplicates;
    private readonly PostgreSqlModels _models = new();
    private StagingCopy? _copy;
    private long _staged;
    private bool _committed;

    private PostgreSqlStoreSession(NpgsqlConnection connection, RunRecord run, SessionOptions options)
    {
        _connection = connection;
        _run = run;
        _options = options;
        _at = run.Started.UtcDateTime;
        _contribution = options.MergeKey is { } mergeKey ? new SourceContribution(run.Pipeline, mergeKey) : null;
    }

    public static async Task<PostgreSqlStoreSession> StartAsync(NpgsqlConnection connection, RunRecord run, SessionOptions options, CancellationToken cancellationToken)
    {
        await using (var command = new NpgsqlCommand(
            """
            DROP TABLE IF EXISTS pg_temp.staging, pg_temp.staging_quarantine, pg_temp.staging_models;
            CREATE TEMP TABLE staging (seq bigint NOT NULL, sku text COLLATE "C" NOT NULL, hash bytea NOT NULL, enabled boolean NOT NULL,
                blocked text NOT NULL, doc bytea NOT NULL, lineage bytea NOT NULL, notes text NOT NULL, enabled_given boolean NOT NULL, checked text NOT NULL,
                contribution bigint)
                WITH (toast_tuple_target = 8160);
            CREATE TEMP TABLE staging_quarantine (line bigint NOT NULL, sku text, issues text NOT NULL, source text NOT NULL);
            """ + PostgreSqlModels.CreateStaging,
            connection))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return new PostgreSqlStoreSession(connection, run, options);
    }

    public async ValueTask UpsertAsync(ProductRecord record, IReadOnlyCollection<string> blockedChannels, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(blockedChannels);
        if (record.IsModel)
        {
            if (_models.Add(record, _run.Pipeline))
            {
                await CompleteCopyAsync(cancellationToken).ConfigureAwait(false);
                await _models.FlushAsync(_connection, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        _document.Write(record, _run.Pipeline);
        _duplicates |= !_skus.Add(KeyHash.Of(record.Sku));
        var blocked = StoredProduct.FormatBlocked(blockedChannels);
        var notes = NotesJson.Write(record.Notes);
        _copy ??= await StagingCopy.BeginAsync(_connection, cancellationToken).ConfigureAwait(false);
        await _copy.WriteRowAsync(
            _staged, record.Sku, _document.Hash, record.Enabled, blocked, _document.Content, _document.Lineage, notes, record.EnabledGiven,
            StoredProduct.FormatBlocked(record.Notes.Channels), _contribution?.Of(_document.Hash, blocked, notes, record.EnabledGiven), cancellationToken).ConfigureAwait(false);

        // One COPY for the session (ended only to flush quarantine, and at commit): ending it every few thousand rows
        // made the client wait for the server each time, where one stream keeps both busy.
        _staged++;
    }

    public async ValueTask QuarantineAsync(MappedRecord rejected, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        var sku = rejected.Record.Sku.Length == 0 ? null : rejected.Record.Sku;
        _quarantine.Add((rejected.Row.Line, sku, QuarantineJson.Issues(rejected), QuarantineJson.Source(rejected.Row)));
        if (_quarantine.Count >= BatchSize)
        {
            await FlushQuarantineAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<CommitSummary> CommitAsync(CancellationToken cancellationToken = default)
    {
        await FlushQuarantineAsync(cancellationToken).ConfigureAwait(false);
        await _models.FlushAsync(_connection, cancellationToken).ConfigureAwait(false);
        await using var transaction = await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync($"SELECT pg_advisory_xact_lock({MergeLock}); SET LOCAL work_mem = '64MB'", cancellationToken).ConfigureAwait(false);
        var distinct = _staged;
        if (_duplicates)
        {
            // Within a session the last upsert of a SKU wins: the merge wants one staged row per SKU.
            await ExecuteAsync("CREATE INDEX ON pg_temp.staging (sku, seq)", cancellationToken).ConfigureAwait(false);
            await using var dedupe = new NpgsqlCommand("DELETE FROM pg_temp.staging s WHERE EXISTS (SELECT 1 FROM pg_temp.staging t WHERE t.sku = s.sku AND t.seq > s.seq)", _connection);
            distinct -= await dedupe.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var removals = _options.Full ? await PostgreSqlRemovals.CountAsync(_connection, _run.Pipeline, cancellationToken).ConfigureAwait(false) : default;
        if (_options.MaxRemovedShare is { } share && removals.Missing > share * removals.Total)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            _committed = true;
            return new CommitSummary(0, 0, 0) { Refused = new RemovalGuard(removals.Missing, removals.Total, share) };
        }

        // Products other sources carry too are merged by precedence in the staging rows first, under the lock (PostgreSqlSourceMerge).
        await PostgreSqlSourceMerge.MergeStagedAsync(_connection, _run.Pipeline, _options.Sources, _options.MergeCheck, BatchSize, cancellationToken).ConfigureAwait(false);
        var (created, updated) = await PostgreSqlMerge.MergeAsync(_connection, SourceList.Of(_run.Pipeline), _run.Id, _at, _run.Pipeline, cancellationToken).ConfigureAwait(false);
        var unchanged = distinct - created - updated;
        var models = await _models.MergeAsync(_connection, _run, _at, cancellationToken).ConfigureAwait(false);
        (created, updated, unchanged) = (created + models.Created, updated + models.Updated, unchanged + models.Unchanged);

        // Accepted SKUs close their open quarantine entries of earlier runs, and so do SKUs quarantined again (one open entry per SKU, the latest).
        await using (var close = new NpgsqlCommand(
            """
            UPDATE quarantine SET closed_by = $1 WHERE closed_by IS NULL AND run_id <> $1
                AND sku IN (SELECT sku FROM pg_temp.staging UNION SELECT sku FROM pg_temp.staging_quarantine WHERE sku IS NOT NULL)
            """,
            _connection))
        {
            close.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _run.Id });
            await close.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var quarantine = new NpgsqlCommand(
            """
            INSERT INTO quarantine (run_id, line, sku, issues, source) SELECT $1, line, sku, issues, source FROM pg_temp.staging_quarantine
            ON CONFLICT (run_id, line) DO UPDATE SET sku = excluded.sku, issues = excluded.issues, source = excluded.source
            """,
            _connection))
        {
            quarantine.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _run.Id });
            await quarantine.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var removed = 0L;
        if (_options.Full)
        {
            removed = await PostgreSqlRemovals.TombstoneAsync(_connection, _run, _at, cancellationToken).ConfigureAwait(false);
            updated += await PostgreSqlRemovals.WithdrawAsync(_connection, _run, _at, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        _committed = true;
        return new CommitSummary(created, updated, unchanged) { Removed = removed };
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_copy is not null)
            {
                // Disposing an uncompleted copy fails the COPY: nothing of it is kept.
                var copy = _copy;
                _copy = null;
                await copy.DisposeAsync().ConfigureAwait(false);
            }

            if (!_committed && _connection.FullState.HasFlag(System.Data.ConnectionState.Open))
            {
                try
                {
                    await ExecuteAsync("DROP TABLE IF EXISTS pg_temp.staging, pg_temp.staging_quarantine, pg_temp.staging_models", CancellationToken.None).ConfigureAwait(false);
                }
                catch (NpgsqlException)
                {
                    // A broken connection drops its temporary tables itself.
                }
            }
        }
        finally
        {
            // Whatever the copy's writer failed with, the connection goes back (reset, or closed when broken).
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task CompleteCopyAsync(CancellationToken cancellationToken)
    {
        if (_copy is null)
        {
            return;
        }

        await _copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        await _copy.DisposeAsync().ConfigureAwait(false);
        _copy = null;
    }

    private async Task FlushQuarantineAsync(CancellationToken cancellationToken)
    {
        await CompleteCopyAsync(cancellationToken).ConfigureAwait(false);
        if (_quarantine.Count == 0)
        {
            return;
        }

        var copy = await _connection.BeginBinaryImportAsync(CopyQuarantine, cancellationToken).ConfigureAwait(false);
        await using (copy.ConfigureAwait(false))
        {
            foreach (var (line, sku, issues, source) in _quarantine)
            {
                await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(line, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(sku, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(issues, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(source, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            }

            await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        _quarantine.Clear();
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params long[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, _connection);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = value });
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
