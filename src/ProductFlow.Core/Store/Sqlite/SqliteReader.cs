using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using ProductFlow.Model;

namespace ProductFlow.Store.Sqlite;

/// <summary>The embedded store's reads that a run makes while its own session writes: on a connection of their own, one at a time.</summary>
/// <remarks>
/// A session writes through the store's connection on the run's writer thread; a SQLite connection serves one thread at a time. These
/// reads (product models for a run's variants, the variants of a model a run changed) take a read-only connection, opened on first use:
/// in WAL mode they see what is committed and neither wait for the writer nor stop it.
/// </remarks>
internal sealed class SqliteReader(string path) : IAsyncDisposable
{
    private const string ProductColumns = "p.version, p.removed, p.blocked, p.notes, p.doc, v.lineage";

    private readonly SemaphoreSlim _lock = new(1, 1);

    // One prepared command per statement, kept for the reader's life: a run looks up one model after another.
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private SqliteConnection? _connection;

    public async Task<StoredProduct?> FindModelAsync(string code, CancellationToken cancellationToken)
    {
        await foreach (var model in ReadAsync(
            "SELECT m.version, 0, '', '', m.doc, v.lineage FROM product_models m JOIN product_model_versions v ON v.code = m.code AND v.version = m.version WHERE m.code = $key",
            [code], cancellationToken).ConfigureAwait(false))
        {
            return model;
        }

        return null;
    }

    /// <summary>Every current product model (with lineage), by group then code.</summary>
    public IAsyncEnumerable<StoredProduct> ReadModelsAsync(CancellationToken cancellationToken) => ReadAsync(
        "SELECT m.version, 0, '', '', m.doc, v.lineage FROM product_models m JOIN product_model_versions v ON v.code = m.code AND v.version = m.version "
        + "ORDER BY coalesce(m.parent, m.code), m.code", // BINARY collation: UTF-8 ordinal
        [null], cancellationToken);

    /// <summary>The code of every current product model.</summary>
    public async IAsyncEnumerable<string> ReadModelCodesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var reader = await Command("SELECT code FROM product_models", keyed: false).ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return reader.GetString(0);
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>The current products whose parent is one of <paramref name="models"/> (products.model is the parent, else the SKU).</summary>
    public async IAsyncEnumerable<StoredProduct> ReadVariantsAsync(IEnumerable<string> models, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        const string Sql = $"""
            SELECT {ProductColumns} FROM products p JOIN product_version_rows v ON v.sku = p.sku AND v.version = p.version
            WHERE p.model = $key AND p.sku <> $key AND p.removed = 0 ORDER BY p.sku
            """;
        foreach (var model in models)
        {
            await foreach (var variant in ReadAsync(Sql, [model], cancellationToken).ConfigureAwait(false))
            {
                yield return variant;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync().ConfigureAwait(false);
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }

        _lock.Dispose();
    }

    /// <summary>Rows of <c>version, removed, blocked, notes, doc, lineage</c> for each key (<c>$key</c>), the reader connection held meanwhile.</summary>
    private async IAsyncEnumerable<StoredProduct> ReadAsync(string sql, string?[] keys, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await OpenAsync(cancellationToken).ConfigureAwait(false);
            foreach (var key in keys)
            {
                var command = Command(sql, keyed: key is not null);
                if (key is not null)
                {
                    command.Parameters["$key"].Value = key;
                }

                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var record = ProductDocument.Read((byte[])reader[4]);
                    record.Notes = NotesJson.Read(reader.GetString(3));
                    yield return new StoredProduct(record, reader.GetInt32(0), reader.GetInt64(1) != 0, StoredProduct.ParseBlocked(reader.GetString(2)), (byte[])reader[5]);
                }
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Opens the read-only connection on first use; called with the lock held.</summary>
    private async Task OpenAsync(CancellationToken cancellationToken)
    {
        if (_connection is null)
        {
            _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
            await _connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The prepared command of <paramref name="sql"/>, with its <c>$key</c> parameter when <paramref name="keyed"/> (a statement is always read with a key or always without).</summary>
    private SqliteCommand Command(string sql, bool keyed)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = _connection!.CreateCommand();
            command.CommandText = sql;
            if (keyed)
            {
                command.Parameters.Add("$key", SqliteType.Text);
            }

            _commands.Add(sql, command);
        }

        return command;
    }
}
