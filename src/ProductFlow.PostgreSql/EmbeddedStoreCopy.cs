using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using ProductFlow.Store.Sqlite;

namespace ProductFlow.PostgreSql;

/// <summary>Moves an embedded SQLite store into an empty PostgreSQL store: runs, products, versions with lineage, quarantine, product
/// models; partners, suppliers and users with their hashed keys and access log; the event outbox; the console's session key ring (signed-in sessions stay valid).</summary>
/// <remarks>
/// One transaction on the target, under the merge lock: the copy is all or nothing. The target must hold no products, runs,
/// principals or events, so a copy never merges two histories. The change sequence continues after the highest copied one; the
/// access log and the outbox are copied in their order and numbered anew by the target's sequences, so pending events keep their order.
/// </remarks>
public static class EmbeddedStoreCopy
{
    // The current version's document is products.doc on both sides (see PostgreSqlSchema): its version row gets an empty doc,
    // whether the embedded store still holds it there in full (before its schema 6) or not.
    private const string VersionsSelect = """
        SELECT v.sku, v.version, v.run_id, v.at, v.hash, CASE WHEN p.version = v.version THEN X'' ELSE v.doc END, v.lineage, v.removed
        FROM product_versions v LEFT JOIN products p ON p.sku = v.sku
        """;

    private static readonly (string Table, (string Name, NpgsqlDbType Type)[] Columns)[] Tables =
    [
        ("runs", [("id", NpgsqlDbType.Text), ("pipeline", NpgsqlDbType.Text), ("feed_name", NpgsqlDbType.Text), ("feed_size", NpgsqlDbType.Bigint),
            ("feed_sha256", NpgsqlDbType.Text), ("started", NpgsqlDbType.TimestampTz), ("finished", NpgsqlDbType.TimestampTz), ("status", NpgsqlDbType.Text),
            ("read", NpgsqlDbType.Bigint), ("accepted", NpgsqlDbType.Bigint), ("rejected", NpgsqlDbType.Bigint), ("warnings", NpgsqlDbType.Bigint),
            ("changed", NpgsqlDbType.Bigint), ("report", NpgsqlDbType.Text), ("removed", NpgsqlDbType.Bigint), ("submitted_by", NpgsqlDbType.Text)]),
        ("products", [("sku", NpgsqlDbType.Text), ("version", NpgsqlDbType.Integer), ("hash", NpgsqlDbType.Bytea), ("enabled", NpgsqlDbType.Boolean),
            ("blocked", NpgsqlDbType.Text), ("doc", NpgsqlDbType.Bytea), ("run_id", NpgsqlDbType.Text), ("change_seq", NpgsqlDbType.Bigint),
            ("source", NpgsqlDbType.Text), ("removed", NpgsqlDbType.Boolean), ("notes", NpgsqlDbType.Text), ("sources", NpgsqlDbType.Text),
            ("checked", NpgsqlDbType.Text)]),
        ("product_versions", [("sku", NpgsqlDbType.Text), ("version", NpgsqlDbType.Integer), ("run_id", NpgsqlDbType.Text), ("at", NpgsqlDbType.TimestampTz),
            ("hash", NpgsqlDbType.Bytea), ("doc", NpgsqlDbType.Bytea), ("lineage", NpgsqlDbType.Bytea), ("removed", NpgsqlDbType.Boolean)]),
        ("quarantine", [("run_id", NpgsqlDbType.Text), ("line", NpgsqlDbType.Bigint), ("sku", NpgsqlDbType.Text), ("issues", NpgsqlDbType.Text), ("source", NpgsqlDbType.Text),
            ("closed_by", NpgsqlDbType.Text)]),
        ("product_models", [("code", NpgsqlDbType.Text), ("version", NpgsqlDbType.Integer), ("hash", NpgsqlDbType.Bytea), ("doc", NpgsqlDbType.Bytea),
            ("run_id", NpgsqlDbType.Text), ("source", NpgsqlDbType.Text), ("parent", NpgsqlDbType.Text), ("family", NpgsqlDbType.Text)]),
        ("product_model_versions", [("code", NpgsqlDbType.Text), ("version", NpgsqlDbType.Integer), ("run_id", NpgsqlDbType.Text), ("at", NpgsqlDbType.TimestampTz),
            ("hash", NpgsqlDbType.Bytea), ("doc", NpgsqlDbType.Bytea), ("lineage", NpgsqlDbType.Bytea)]),
        ("principals", [("kind", NpgsqlDbType.Text), ("name", NpgsqlDbType.Text), ("grants", NpgsqlDbType.Array | NpgsqlDbType.Text), ("role", NpgsqlDbType.Text),
            ("disabled", NpgsqlDbType.Boolean), ("created", NpgsqlDbType.TimestampTz)]),
        ("access_keys", [("id", NpgsqlDbType.Text), ("kind", NpgsqlDbType.Text), ("principal", NpgsqlDbType.Text), ("hash", NpgsqlDbType.Bytea),
            ("created", NpgsqlDbType.TimestampTz), ("expires", NpgsqlDbType.TimestampTz)]),
        ("access_log", [("at", NpgsqlDbType.TimestampTz), ("kind", NpgsqlDbType.Text), ("principal", NpgsqlDbType.Text), ("action", NpgsqlDbType.Text),
            ("target", NpgsqlDbType.Text), ("version", NpgsqlDbType.Integer), ("status", NpgsqlDbType.Integer), ("bytes", NpgsqlDbType.Bigint)]),
        ("outbox", [("id", NpgsqlDbType.Text), ("type", NpgsqlDbType.Text), ("source", NpgsqlDbType.Text), ("subject", NpgsqlDbType.Text),
            ("time", NpgsqlDbType.TimestampTz), ("data", NpgsqlDbType.Bytea), ("created", NpgsqlDbType.TimestampTz), ("sent", NpgsqlDbType.TimestampTz),
            ("attempts", NpgsqlDbType.Integer), ("next_attempt", NpgsqlDbType.TimestampTz), ("last_error", NpgsqlDbType.Text)]),
        ("session_keys", [("name", NpgsqlDbType.Text), ("xml", NpgsqlDbType.Text), ("created", NpgsqlDbType.TimestampTz)]),
    ];

    /// <summary>Tables whose rows are numbered by a sequence: read in that order, so the target numbers them alike.</summary>
    private static readonly Dictionary<string, string> Ordered = new(StringComparer.Ordinal) { ["access_log"] = "seq", ["outbox"] = "seq" };

    /// <summary>Copies the store of <paramref name="dataDirectory"/> to <paramref name="target"/>; returns the rows copied per table.</summary>
    public static async Task<IReadOnlyDictionary<string, long>> CopyAsync(string dataDirectory, string target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataDirectory);
        ArgumentNullException.ThrowIfNull(target);
        var sourcePath = Path.Combine(dataDirectory, SqliteProductStore.FileName);
        if (!File.Exists(sourcePath))
        {
            throw new InfrastructureException($"there is no embedded store to copy at {sourcePath}", sourcePath);
        }

        // Opening it once brings an older embedded store to the current schema.
        await SqliteProductStore.Open(dataDirectory).DisposeAsync().ConfigureAwait(false);
        await (await PostgreSqlProductStore.OpenAsync(target, cancellationToken).ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);

        var copied = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = sourcePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await source.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = new NpgsqlConnection(PostgreSqlConnectionString.Parse(target).ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({PostgreSqlStoreSession.MergeLock})", connection))
            {
                await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using (var check = new NpgsqlCommand(
                "SELECT (SELECT count(*) FROM products) + (SELECT count(*) FROM runs) + (SELECT count(*) FROM principals) + (SELECT count(*) FROM outbox)", connection))
            {
                if ((long)(await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! > 0)
                {
                    throw new InfrastructureException("the target PostgreSQL store is not empty: a copy never merges two histories", target) { Hint = "copy into a new database" };
                }
            }

            foreach (var (table, columns) in Tables)
            {
                copied[table] = await CopyTableAsync(source, connection, table, columns, cancellationToken).ConfigureAwait(false);
            }

            await using (var sequence = new NpgsqlCommand("SELECT setval('product_changes', greatest((SELECT coalesce(max(change_seq), 0) FROM products), 1))", connection))
            {
                await sequence.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException e)
        {
            throw new InfrastructureException($"the copy to the PostgreSQL store at {PostgreSqlConnectionString.HostOf(target)} failed, nothing was copied: {e.Message.ReplaceLineEndings(" ")}", null, e);
        }

        return copied;
    }

    private static async Task<long> CopyTableAsync(SqliteConnection source, NpgsqlConnection target, string table, (string Name, NpgsqlDbType Type)[] columns, CancellationToken cancellationToken)
    {
        var names = string.Join(", ", columns.Select(c => c.Name));
        await using var select = source.CreateCommand();
        select.CommandText = table == "product_versions" ? VersionsSelect
            : Ordered.TryGetValue(table, out var order) ? $"SELECT {names} FROM {table} ORDER BY {order}"
            : $"SELECT {names} FROM {table}";
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var copy = await target.BeginBinaryImportAsync($"COPY {table} ({names}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        long rows = 0;
        await using (copy.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < columns.Length; i++)
                {
                    if (reader.IsDBNull(i))
                    {
                        await copy.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                        continue;
                    }

                    object value = columns[i].Type switch
                    {
                        NpgsqlDbType.Bigint => reader.GetInt64(i),
                        NpgsqlDbType.Integer => reader.GetInt32(i),
                        NpgsqlDbType.Boolean => reader.GetInt64(i) != 0,
                        NpgsqlDbType.Bytea => (byte[])reader[i],
                        NpgsqlDbType.TimestampTz => DateTimeOffset.Parse(reader.GetString(i), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).UtcDateTime,
                        NpgsqlDbType.Array | NpgsqlDbType.Text => Strings(reader.GetString(i)),
                        _ => reader.GetString(i),
                    };
                    await copy.WriteAsync(value, columns[i].Type, cancellationToken).ConfigureAwait(false);
                }

                rows++;
            }

            await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        return rows;
    }

    /// <summary>A JSON array of strings (the embedded store's grants) as the text[] PostgreSQL keeps.</summary>
    private static string[] Strings(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(e => e.GetString() ?? "").ToArray();
    }
}
