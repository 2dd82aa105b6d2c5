using Npgsql;
using ProductFlow.Store;

namespace ProductFlow.PostgreSql;

/// <summary>The removals of a full run: the source's live SKUs neither staged nor quarantined by the session.</summary>
/// <remarks>Runs inside the commit transaction, under the merge lock; counted before the merge, tombstoned after it.</remarks>
internal static class PostgreSqlRemovals
{
    private const string Missing = """
        FROM products p WHERE p.source = $1 AND NOT p.removed
            AND NOT EXISTS (SELECT 1 FROM pg_temp.staging s WHERE s.sku = p.sku)
            AND NOT EXISTS (SELECT 1 FROM pg_temp.staging_quarantine q WHERE q.sku = p.sku)
        """;

    public static async Task<(long Missing, long Total)> CountAsync(NpgsqlConnection connection, string source, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT (SELECT count(*) {Missing}), (SELECT count(*) FROM products WHERE source = $1 AND NOT removed)", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = source });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>Marks every missing SKU removed with a tombstone version (same document, empty lineage); returns how many.</summary>
    public static async Task<long> TombstoneAsync(NpgsqlConnection connection, RunRecord run, DateTime at, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
            WITH gone AS (
                UPDATE products AS u SET removed = true, version = u.version + 1, run_id = $2, change_seq = nextval('product_changes')
                WHERE u.sku IN (SELECT p.sku {Missing} ORDER BY p.sku)
                RETURNING u.sku, u.version, u.hash, u.doc),
            tombstones AS (
                INSERT INTO product_versions (sku, version, run_id, at, hash, doc, lineage, removed)
                SELECT sku, version, $2, $3, hash, doc, convert_to('[]', 'UTF8'), true FROM gone RETURNING 1)
            SELECT count(*) FROM tombstones
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = run.Pipeline });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = run.Id });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = at });
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}
