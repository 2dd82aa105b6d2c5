using Microsoft.Data.Sqlite;
using ProductFlow.Mapping;
using ProductFlow.Model;

namespace ProductFlow.Store.Sqlite;

/// <summary>One run's writes to the embedded store, in a single transaction with prepared commands.</summary>
internal sealed class SqliteStoreSession : IStoreSession
{
    private readonly SqliteTransaction _transaction;
    private readonly string _runId;
    private readonly string _at;
    private readonly ProductDocument _document = new();
    private readonly SqliteCommand _select;
    private readonly SqliteCommand _upsert;
    private readonly SqliteCommand _block;
    private readonly SqliteCommand _version;
    private readonly SqliteCommand _quarantine;
    private bool _committed;
    private long _created;
    private long _updated;
    private long _unchanged;

    public SqliteStoreSession(SqliteConnection connection, string runId, string at)
    {
        _transaction = connection.BeginTransaction();
        _runId = runId;
        _at = at;
        _select = Prepare(connection, "SELECT version, hash, blocked FROM products WHERE sku = $sku", "$sku");
        _upsert = Prepare(
            connection,
            """
            INSERT INTO products (sku, version, hash, enabled, blocked, doc, run_id) VALUES ($sku, $version, $hash, $enabled, $blocked, $doc, $run)
            ON CONFLICT (sku) DO UPDATE SET version = excluded.version, hash = excluded.hash, enabled = excluded.enabled,
                blocked = excluded.blocked, doc = excluded.doc, run_id = excluded.run_id
            """,
            "$sku", "$version", "$hash", "$enabled", "$blocked", "$doc", "$run");
        _block = Prepare(connection, "UPDATE products SET blocked = $blocked WHERE sku = $sku", "$sku", "$blocked");
        _version = Prepare(
            connection,
            "INSERT INTO product_versions (sku, version, run_id, at, hash, doc, lineage) VALUES ($sku, $version, $run, $at, $hash, $doc, $lineage)",
            "$sku", "$version", "$run", "$at", "$hash", "$doc", "$lineage");
        _quarantine = Prepare(
            connection,
            "INSERT OR REPLACE INTO quarantine (run_id, line, sku, issues, source) VALUES ($run, $line, $sku, $issues, $source)",
            "$run", "$line", "$sku", "$issues", "$source");
    }

    /// <summary>The token that marks a channel in the <c>blocked</c> column (<c>|web|partner|</c>).</summary>
    public static string BlockedToken(string channel) => "|" + channel + "|";

    public async ValueTask UpsertAsync(ProductRecord record, IReadOnlyCollection<string> blockedChannels, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(blockedChannels);
        _document.Write(record);
        var blocked = blockedChannels.Count == 0 ? "" : "|" + string.Join('|', blockedChannels.Order(StringComparer.Ordinal)) + "|";

        _select.Parameters[0].Value = record.Sku;
        long version = 0;
        await using (var reader = await _select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                version = reader.GetInt64(0);
                if (((byte[])reader[1]).AsSpan().SequenceEqual(_document.Hash))
                {
                    var sameBlocked = string.Equals(reader.GetString(2), blocked, StringComparison.Ordinal);
                    await reader.DisposeAsync().ConfigureAwait(false);
                    if (!sameBlocked)
                    {
                        await ExecuteAsync(_block, cancellationToken, record.Sku, blocked).ConfigureAwait(false);
                    }

                    _unchanged++;
                    return;
                }
            }
        }

        var doc = _document.Content.ToArray();
        await ExecuteAsync(_upsert, cancellationToken, record.Sku, version + 1, _document.Hash, record.Enabled ? 1 : 0, blocked, doc, _runId).ConfigureAwait(false);
        await ExecuteAsync(_version, cancellationToken, record.Sku, version + 1, _runId, _at, _document.Hash, doc, _document.Lineage.ToArray()).ConfigureAwait(false);
        if (version == 0)
        {
            _created++;
        }
        else
        {
            _updated++;
        }
    }

    public async ValueTask QuarantineAsync(MappedRecord rejected, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        var row = rejected.Row;
        await ExecuteAsync(
            _quarantine,
            cancellationToken,
            _runId,
            row.Line,
            rejected.Record.Sku.Length == 0 ? DBNull.Value : rejected.Record.Sku,
            QuarantineJson.Issues(rejected),
            QuarantineJson.Source(row)).ConfigureAwait(false);
    }

    public async Task<CommitSummary> CommitAsync(CancellationToken cancellationToken = default)
    {
        await _transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        _committed = true;
        return new CommitSummary(_created, _updated, _unchanged);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in new[] { _select, _upsert, _block, _version, _quarantine })
        {
            await command.DisposeAsync().ConfigureAwait(false);
        }

        if (!_committed)
        {
            await _transaction.RollbackAsync().ConfigureAwait(false);
        }

        await _transaction.DisposeAsync().ConfigureAwait(false);
    }

    private SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        command.Prepare();
        return command;
    }

    private static Task<int> ExecuteAsync(SqliteCommand command, CancellationToken cancellationToken, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        return command.ExecuteNonQueryAsync(cancellationToken);
    }
}
