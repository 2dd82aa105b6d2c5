using Microsoft.Data.Sqlite;
using ProductFlow.Mapping;
using ProductFlow.Model;
using ProductFlow.Primitives;

namespace ProductFlow.Store.Sqlite;

/// <summary>One run's writes to the embedded store, in a single transaction with prepared commands.</summary>
/// <remarks>
/// Change sequence numbers are allocated from the highest one in the store once the transaction writes; SQLite has one
/// writer at a time, so they follow commit order. In a full session the SKUs seen (upserted or quarantined) that the store held
/// when the session began are kept in a temporary table, and the source's other SKUs get a tombstone version at commit, unless the
/// guard refuses. A SKU new to the store is not kept: the session inserted it, so it cannot be missing (a first load keeps none).
/// </remarks>
internal sealed partial class SqliteStoreSession : ISerialisingSession
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCheckpoint _checkpoint;
    private readonly SqliteTransaction _transaction;
    private readonly RunRecord _run;
    private readonly string _at;
    private readonly SessionOptions _options;
    private readonly ProductDocument _document = new();
    private readonly SqliteCommand _select;
    private readonly SqliteCommand _lineage;
    private readonly SqliteStatement _insert;
    private readonly SqliteStatement _upsert;
    private readonly SqliteStatement _block;
    private readonly SqliteStatement _version;
    private readonly SqliteStatement _supersede;
    private readonly SqliteStatement _quarantine;
    private readonly SqliteStatement _seen;
    private readonly SqliteStatement _close;
    private bool _committed;
    private long _created;
    private long _updated;
    private long _unchanged;
    private long _sequence = -1;

    // The record being written, serialised (by this session or ahead of it, see ISerialisingSession).
    private SerialisedRecord _current = new([], ReadOnlyMemory<byte>.Empty, ReadOnlyMemory<byte>.Empty, "", "");

    // Hashes of the SKUs with open quarantine entries from earlier runs: most accepted records have none, and skip the UPDATE.
    private readonly HashSet<ulong> _openQuarantine;

    private readonly SqliteKnownProducts _known;
    private readonly SqliteModelWriter _models;

    // With a merge key: the state a merge leaves is what the run's source sent (see Contribution).
    private readonly SourceContribution? _contribution;

    private readonly string _source; // the run's source as the sources column lists it

    public SqliteStoreSession(SqliteConnection connection, SqliteCheckpoint checkpoint, RunRecord run, SessionOptions options)
    {
        _connection = connection;
        _checkpoint = checkpoint;
        _transaction = connection.BeginTransaction();
        _run = run;
        _at = SqliteProductStore.Timestamp(run.Started);
        _options = options;
        _contribution = options.MergeKey is { } mergeKey ? new SourceContribution(run.Pipeline, mergeKey) : null;
        _source = SourceList.Of(run.Pipeline);
        _select = Prepare("SELECT version, hash, blocked, removed, notes, sources, source, state FROM products WHERE sku = $sku", "$sku");
        _lineage = Prepare("SELECT p.doc, v.lineage FROM products p JOIN product_version_rows v ON v.sku = p.sku AND v.version = p.version WHERE p.sku = $sku", "$sku");
        const string InsertProduct = """
            INSERT INTO products (sku, version, hash, enabled, blocked, doc, run_id, source, removed, change_seq, notes, sources, state, model, checked)
            VALUES ($sku, $version, $hash, $enabled, $blocked, $doc, $run, $source, 0, $seq, $notes, $sources, $state, $model, $checked)
            """;
        string[] productParameters = ["$sku", "$version", "$hash", "$enabled", "$blocked", "$doc", "$run", "$source", "$seq", "$notes", "$sources", "$state", "$model", "$checked"];
        // A SKU the SKU map does not hold was not in the store when the session began: inserted, unless this session inserted it already.
        _insert = Statement(InsertProduct + " ON CONFLICT (sku) DO NOTHING", productParameters);
        _upsert = Statement(
            InsertProduct + """
            ON CONFLICT (sku) DO UPDATE SET version = excluded.version, hash = excluded.hash, enabled = excluded.enabled,
                blocked = excluded.blocked, doc = excluded.doc, run_id = excluded.run_id, source = excluded.source, removed = 0,
                change_seq = excluded.change_seq, notes = excluded.notes, sources = excluded.sources, state = excluded.state,
                model = excluded.model, checked = excluded.checked
            """,
            productParameters);
        // Same content: blocking, notes (and the channels checked) and sources change in place; only a change of blocking or of the
        // channels checked is a change for channel deltas.
        _block = Statement(
            "UPDATE products SET notes = $notes, change_seq = CASE WHEN blocked <> $blocked OR checked <> $checked THEN $seq ELSE change_seq END, "
            + "blocked = $blocked, checked = $checked, sources = $sources, state = $state WHERE sku = $sku",
            "$sku", "$blocked", "$seq", "$notes", "$sources", "$state", "$checked");
        // The current version's document is products.doc (see SqliteSchema); a new version moves it to the version it supersedes.
        _version = Statement(
            "INSERT INTO product_version_rows (sku, version, run_id, at, hash, doc, lineage, removed) VALUES ($sku, $version, $run, $at, $hash, X'', $lineage, 0)",
            "$sku", "$version", "$run", "$at", "$hash", "$lineage");
        _supersede = Statement(
            "UPDATE product_version_rows SET doc = (SELECT doc FROM products WHERE sku = $sku) WHERE sku = $sku AND version = $version", "$sku", "$version");
        _quarantine = Statement(
            "INSERT OR REPLACE INTO quarantine (run_id, line, sku, issues, source) VALUES ($run, $line, $sku, $issues, $source)",
            "$run", "$line", "$sku", "$issues", "$source");
        Execute("CREATE TEMP TABLE IF NOT EXISTS seen (sku TEXT PRIMARY KEY) WITHOUT ROWID; DELETE FROM temp.seen;");
        _seen = Statement("INSERT OR IGNORE INTO temp.seen (sku) VALUES ($sku)", "$sku");
        _close = Statement("UPDATE quarantine SET closed_by = $run WHERE sku = $sku AND closed_by IS NULL AND run_id <> $run", "$sku", "$run");
        _openQuarantine = OpenQuarantineSkus();
        _known = SqliteKnownProducts.Load(connection, _transaction);
        _models = new SqliteModelWriter(connection, _transaction);
    }

    /// <remarks>SQLite runs in process: the statements run synchronously, which costs no task per statement.</remarks>
    public ValueTask UpsertAsync(ProductRecord record, IReadOnlyCollection<string> blockedChannels, CancellationToken cancellationToken = default) =>
        UpsertAsync(record, blockedChannels, null, cancellationToken);

    public SerialisedRecord? SerialiseAhead(ProductRecord record, ProductDocument document)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.IsModel ? null : SerialisedRecord.Of(document, record, _run.Pipeline);
    }

    public ValueTask UpsertAsync(ProductRecord record, IReadOnlyCollection<string> blockedChannels, SerialisedRecord? serialised, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(blockedChannels);
        cancellationToken.ThrowIfCancellationRequested();
        if (record.IsModel)
        {
            Count(_models.Upsert(record, _run, _at));
            return ValueTask.CompletedTask;
        }

        var key = KeyHash.Of(record.Sku);
        var known = _known.TryGet(key, out var state);
        if (_options.Full && known)
        {
            ExecuteSku(_seen, record.Sku);
        }

        // An accepted SKU closes its open quarantine entries of earlier runs.
        if (_openQuarantine.Contains(key))
        {
            ExecuteClose(record.Sku);
        }

        StoredRow? stored = null;
        StateFingerprint.Prefix? parts = null; // the record's content hash, blocking and notes, hashed once for both fingerprints
        var prepared = false;
        if (serialised is not null)
        {
            Take(serialised);
            prepared = true;
        }

        if (known)
        {
            if (state != StateFingerprint.Unknown)
            {
                // The common re-run case: same content, blocking, notes, and this source alone carries it; nothing to write.
                if (!prepared)
                {
                    Serialise(record);
                    prepared = true;
                }

                // Or a product other sources carry too, last written by this source's merge of the same record under the same merge key:
                // merging it again would give what is stored (see Contribution).
                parts = StateFingerprint.Parts(_current.Hash, StoredProduct.FormatBlocked(blockedChannels), _current.Notes);
                if (parts.Value.With(_source) == state || _contribution?.Of(parts.Value, record.EnabledGiven) == state)
                {
                    _unchanged++;
                    return ValueTask.CompletedTask;
                }
            }

            stored = Find(record.Sku);
        }

        var sources = stored is { Removed: false } ? SourceList.With(stored.Sources, _run.Pipeline) : _source;
        long? contribution = null;
        if (stored is { Removed: false } && SourceList.HasOthers(stored.Sources, _run.Pipeline))
        {
            // Other sources carry the product: their values stay, by precedence (SourceMerge).
            contribution = Contribution(record, blockedChannels, prepared, parts);
            var current = ReadCurrent(record.Sku, stored);
            var checkedChannels = record.Notes.Channels;
            blockedChannels = SourceMerge.Blocked(StoredProduct.ParseBlocked(stored.Blocked), blockedChannels, checkedChannels);
            record = SourceMerge.Merge(current, record, _run.Pipeline, _options.Sources);
            if (_options.MergeCheck is { } check)
            {
                blockedChannels = SourceMerge.Recheck(record, StoredProduct.ParseBlocked(stored.Blocked), checkedChannels, check);
            }

            prepared = false; // the merged record is written, not the one serialised
        }

        Count(Write(record, key, stored, StoredProduct.FormatBlocked(blockedChannels), sources, prepared, contribution));
        return ValueTask.CompletedTask;
    }

    /// <summary>Counts an upsert by the version it wrote: 0 unchanged, 1 created, more updated.</summary>
    private void Count(int version)
    {
        switch (version)
        {
            case 0: _unchanged++; break;
            case 1: _created++; break;
            default: _updated++; break;
        }
    }

    /// <summary>Stores <paramref name="record"/> over <paramref name="stored"/>: a new version when its content changed, else blocking, notes and sources in place.</summary>
    /// <returns>The version written (1: created), or 0 when the content did not change.</returns>
    /// <remarks>With <c>prepared</c>, <see cref="_current"/> already holds the record (serialised ahead, or by the fast path).</remarks>
    private int Write(ProductRecord record, ulong key, StoredRow? stored, string blocked, string sources, bool prepared = false, long? contribution = null)
    {
        if (!prepared)
        {
            Serialise(record);
        }

        var notes = _current.Notes;
        var state = contribution ?? StateFingerprint.Of(_current.Hash, blocked, notes, sources);
        if (stored is null)
        {
            if (Insert(record, blocked, notes, sources, state))
            {
                return 1;
            }

            stored = Find(record.Sku)!; // inserted earlier in this session: the SKU map does not hold it (see SqliteKnownProducts)
        }

        _known.Update(key, state);
        if (stored is { Removed: false } && stored.Hash.AsSpan().SequenceEqual(_current.Hash))
        {
            if (!string.Equals(stored.Blocked, blocked, StringComparison.Ordinal) || !string.Equals(stored.Notes, notes, StringComparison.Ordinal)
                || !string.Equals(stored.Sources, sources, StringComparison.Ordinal) || stored.State != state)
            {
                _block.Bind(0, record.Sku);
                _block.Bind(1, blocked);
                _block.Bind(2, NextSequence());
                _block.Bind(3, notes);
                _block.Bind(4, sources);
                _block.Bind(5, state);
                _block.Bind(6, _current.Checked);
                _block.Execute();
            }

            return 0;
        }

        var version = stored.Version;
        _supersede.Bind(0, record.Sku);
        _supersede.Bind(1, version);
        _supersede.Execute();
        ExecuteProduct(_upsert, record, version + 1, blocked, NextSequence(), notes, sources, state);
        ExecuteVersion(record.Sku, version + 1);
        return version + 1;
    }

    /// <summary>Inserts the first version of a SKU the store did not hold when the session began; false when this session inserted it already.</summary>
    private bool Insert(ProductRecord record, string blocked, string notes, string sources, long state)
    {
        var sequence = NextSequence();
        if (ExecuteProduct(_insert, record, 1, blocked, sequence, notes, sources, state) == 0)
        {
            _sequence--; // not used: the update that follows takes it
            return false;
        }

        ExecuteVersion(record.Sku, 1);
        return true;
    }

    /// <summary>Serialises <paramref name="record"/> into <see cref="_current"/>, over the session's document: written before the next.</summary>
    private void Serialise(ProductRecord record) => Take(SerialisedRecord.InPlace(_document, record, _run.Pipeline));

    /// <summary>Makes <paramref name="serialised"/> the record being written; the one before it is written, and its copy goes back to the pool.</summary>
    private void Take(SerialisedRecord serialised)
    {
        _current.Release();
        _current = serialised;
    }

    private StoredRow? Find(string sku)
    {
        _select.Parameters[0].Value = sku;
        using var reader = _select.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        return new StoredRow(
            reader.GetInt32(0), (byte[])reader[1], reader.GetString(2), reader.GetInt64(3) != 0, reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetInt64(7));
    }

    /// <remarks>As <see cref="UpsertAsync(ProductRecord, IReadOnlyCollection{string}, CancellationToken)"/>, synchronous.</remarks>
    public ValueTask QuarantineAsync(MappedRecord rejected, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        cancellationToken.ThrowIfCancellationRequested();
        var row = rejected.Row;
        var sku = rejected.Record.Sku.Length == 0 ? null : rejected.Record.Sku;
        if (_options.Full && sku is not null && _known.TryGet(KeyHash.Of(sku), out _))
        {
            ExecuteSku(_seen, sku);
        }

        if (sku is not null)
        {
            // A SKU has one open entry, the latest: this one closes the entries earlier runs left open.
            ExecuteClose(sku);
        }

        _quarantine.Bind(0, _run.Id);
        _quarantine.Bind(1, row.Line);
        _quarantine.Bind(2, sku);
        _quarantine.Bind(3, QuarantineJson.Issues(rejected));
        _quarantine.Bind(4, QuarantineJson.Source(row));
        _quarantine.Execute();
        return ValueTask.CompletedTask;
    }

    public async Task<CommitSummary> CommitAsync(CancellationToken cancellationToken = default)
    {
        long removed = 0;
        if (_options.Full)
        {
            var (missing, total) = await SqliteRemovals.CountAsync(_connection, _transaction, _run.Pipeline, _run.Id, cancellationToken).ConfigureAwait(false);
            if (_options.MaxRemovedShare is { } share && missing > share * total)
            {
                await _transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                _committed = true;
                return new CommitSummary(0, 0, 0) { Refused = new RemovalGuard(missing, total, share) };
            }

            var (alone, shared) = await SqliteRemovals.MissingAsync(_connection, _transaction, _run.Pipeline, _run.Id, cancellationToken).ConfigureAwait(false);
            removed = await SqliteRemovals.TombstoneAsync(_connection, _transaction, _run, _at, alone, _ => Task.FromResult(NextSequence()), cancellationToken).ConfigureAwait(false);
            foreach (var sku in shared)
            {
                Withdraw(sku);
            }
        }

        await _checkpoint.CommitWithoutCheckpoint(_connection, _transaction, cancellationToken).ConfigureAwait(false);
        _committed = true;
        return new CommitSummary(_created, _updated, _unchanged) { Removed = removed };
    }

    public async ValueTask DisposeAsync()
    {
        await _select.DisposeAsync().ConfigureAwait(false);
        await _lineage.DisposeAsync().ConfigureAwait(false);
        foreach (var statement in new[] { _insert, _upsert, _block, _version, _supersede, _quarantine, _seen, _close })
        {
            statement.Dispose();
        }

        _models.Dispose();

        if (!_committed)
        {
            await _transaction.RollbackAsync().ConfigureAwait(false);
        }

        await _transaction.DisposeAsync().ConfigureAwait(false);
    }

    private long NextSequence()
    {
        if (_sequence < 0)
        {
            using var command = _connection.CreateCommand();
            command.Transaction = _transaction;
            command.CommandText = "SELECT coalesce(max(change_seq), 0) FROM products";
            _sequence = (long)command.ExecuteScalar()!;
        }

        return ++_sequence;
    }

    /// <summary>A product's row as the session reads it before an upsert.</summary>
    private sealed record StoredRow(int Version, byte[] Hash, string Blocked, bool Removed, string Notes, string Sources, string Source, long State);
}
