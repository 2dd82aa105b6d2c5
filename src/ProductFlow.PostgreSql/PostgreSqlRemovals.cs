using Npgsql;
using ProductFlow.Model;
using ProductFlow.Store;

namespace ProductFlow.PostgreSql;

/// <summary>The removals of a full run: the live SKUs the source carries that the session neither staged nor quarantined.</summary>
/// <remarks>
/// Runs inside the commit transaction, under the merge lock; counted before the merge, applied after it. A SKU only the
/// source carries gets a tombstone; one that other sources carry too loses the source's values (<see cref="SourceMerge.Withdraw"/>).
/// </remarks>
internal static class PostgreSqlRemovals
{
    // The condition on products p (and $1, the source's token) that a SKU is missing from the full feed.
    private const string Missing = """
        strpos(p.sources, $1) > 0 AND NOT p.removed
            AND NOT EXISTS (SELECT 1 FROM pg_temp.staging s WHERE s.sku = p.sku)
            AND NOT EXISTS (SELECT 1 FROM pg_temp.staging_quarantine q WHERE q.sku = p.sku)
        """;

    public static async Task<(long Missing, long Total)> CountAsync(NpgsqlConnection connection, string source, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT (SELECT count(*) FROM products p WHERE {Missing}), (SELECT count(*) FROM products WHERE strpos(sources, $1) > 0 AND NOT removed)", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = SourceList.Of(source) });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>Marks every missing SKU removed with a tombstone version (same document, empty lineage); returns how many.</summary>
    /// <remarks>The tombstone becomes the current version: its document is the product's last one, kept in <c>products.doc</c> (see <see cref="PostgreSqlSchema"/>).</remarks>
    public static async Task<long> TombstoneAsync(NpgsqlConnection connection, RunRecord run, DateTime at, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
            WITH gone AS (
                UPDATE products AS u SET removed = true, version = u.version + 1, run_id = $2, change_seq = nextval('product_changes'), sources = '', contribution = NULL
                WHERE u.sku IN (SELECT p.sku FROM products p WHERE {Missing} AND p.sources = $1 ORDER BY p.sku)
                RETURNING u.sku, u.version, u.hash),
            moved AS (
                UPDATE product_versions v SET doc = p.doc FROM gone g JOIN products p ON p.sku = g.sku
                WHERE v.sku = g.sku AND v.version = g.version - 1 AND length(v.doc) = 0),
            tombstones AS (
                INSERT INTO product_versions (sku, version, run_id, at, hash, doc, lineage, removed)
                SELECT sku, version, $2, $3, hash, '\x'::bytea, convert_to('[]', 'UTF8'), true FROM gone RETURNING 1)
            SELECT count(*) FROM tombstones
            """,
            connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = SourceList.Of(run.Pipeline) });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = run.Id });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = at });
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>Takes the source off the missing SKUs other sources carry too: its values go, a new version where that changes the content; returns how many got one.</summary>
    public static async Task<long> WithdrawAsync(NpgsqlConnection connection, RunRecord run, DateTime at, CancellationToken cancellationToken)
    {
        var source = SourceList.Of(run.Pipeline);
        var shared = new List<(string Sku, byte[] Hash, string Sources, ProductRecord Remaining)>();
        await using (var select = new NpgsqlCommand(
            $"""
            SELECT p.sku, p.hash, p.sources, p.source, p.doc, v.lineage FROM products p JOIN product_versions v ON v.sku = p.sku AND v.version = p.version
            WHERE {Missing} AND p.sources <> $1 ORDER BY p.sku
            """,
            connection))
        {
            select.Parameters.Add(new NpgsqlParameter<string> { TypedValue = source });
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var stored = SourceMerge.ReadStored(reader.GetFieldValue<byte[]>(4), reader.GetFieldValue<byte[]>(5), reader.GetString(3));
                shared.Add((reader.GetString(0), reader.GetFieldValue<byte[]>(1), reader.GetString(2), SourceMerge.Withdraw(stored, run.Pipeline)));
            }
        }

        long changed = 0;
        var document = new ProductDocument();
        foreach (var (sku, hash, sources, remaining) in shared)
        {
            document.Write(remaining, run.Pipeline);
            var same = hash.AsSpan().SequenceEqual(document.Hash);
            await using var write = new NpgsqlCommand(
                same
                    ? "UPDATE products SET sources = $2, contribution = NULL WHERE sku = $1"
                    : """
                      WITH moved AS (
                          UPDATE product_versions v SET doc = p.doc FROM products p WHERE p.sku = $1 AND v.sku = $1 AND v.version = p.version AND length(v.doc) = 0),
                      bumped AS (
                          UPDATE products SET sources = $2, version = version + 1, hash = $3, doc = $4, enabled = $5, run_id = $6,
                              source = $7, change_seq = nextval('product_changes'), contribution = NULL WHERE sku = $1 RETURNING version)
                      INSERT INTO product_versions (sku, version, run_id, at, hash, doc, lineage) SELECT $1, version, $6, $8, $3, '\x'::bytea, $9 FROM bumped
                      """,
                connection);
            write.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sku });
            write.Parameters.Add(new NpgsqlParameter<string> { TypedValue = SourceList.Without(sources, run.Pipeline) });
            if (!same)
            {
                write.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = document.Hash });
                write.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = document.Content.ToArray() });
                write.Parameters.Add(new NpgsqlParameter<bool> { TypedValue = remaining.Enabled });
                write.Parameters.Add(new NpgsqlParameter<string> { TypedValue = run.Id });
                write.Parameters.Add(new NpgsqlParameter<string> { TypedValue = run.Pipeline });
                write.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = at });
                write.Parameters.Add(new NpgsqlParameter<byte[]> { TypedValue = document.Lineage.ToArray() });
                changed++;
            }

            await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return changed;
    }
}
