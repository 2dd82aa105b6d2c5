using Microsoft.Data.Sqlite;

namespace ProductFlow.Store.Sqlite;

/// <summary>The removals of a full run in the embedded store: the SKUs the source carries that the session neither wrote nor saw (<c>temp.seen</c>).</summary>
/// <remarks>A SKU only the source carries gets a tombstone; one that other sources carry too loses the source's values (the session withdraws them).</remarks>
internal static class SqliteRemovals
{
    // A SKU the run wrote is not missing; the session keeps in temp.seen only the SKUs it saw that the store held before it.
    private const string Missing = "FROM products WHERE instr(sources, $source) > 0 AND removed = 0 AND run_id <> $run AND sku NOT IN (SELECT sku FROM temp.seen)";

    public static async Task<(long Missing, long Total)> CountAsync(SqliteConnection connection, SqliteTransaction transaction, string source, string run, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT (SELECT count(*) {Missing}), (SELECT count(*) FROM products WHERE instr(sources, $source) > 0 AND removed = 0)";
        command.Parameters.AddWithValue("$source", SourceList.Of(source));
        command.Parameters.AddWithValue("$run", run);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>The missing SKUs, in SKU order: those only the source carries, and those other sources carry too.</summary>
    public static async Task<(List<string> Alone, List<string> Shared)> MissingAsync(
        SqliteConnection connection, SqliteTransaction transaction, string source, string run, CancellationToken cancellationToken)
    {
        var (alone, shared) = (new List<string>(), new List<string>());
        await using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = $"SELECT sku, sources = $source {Missing} ORDER BY sku";
        select.Parameters.AddWithValue("$source", SourceList.Of(source));
        select.Parameters.AddWithValue("$run", run);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            (reader.GetInt64(1) != 0 ? alone : shared).Add(reader.GetString(0));
        }

        return (alone, shared);
    }

    /// <summary>Writes a tombstone version for each of <paramref name="skus"/> and marks it removed (carried by no source); returns how many.</summary>
    /// <remarks>The tombstone becomes the current version: its document is the product's last one, kept in <c>products.doc</c> (see <see cref="SqliteSchema"/>).</remarks>
    public static async Task<long> TombstoneAsync(
        SqliteConnection connection, SqliteTransaction transaction, RunRecord run, string at, IReadOnlyList<string> skus,
        Func<CancellationToken, Task<long>> nextSequence, CancellationToken cancellationToken)
    {
        await using var tombstone = connection.CreateCommand();
        tombstone.Transaction = transaction;
        tombstone.CommandText = """
            UPDATE product_version_rows SET doc = (SELECT doc FROM products WHERE sku = $sku)
                WHERE sku = $sku AND version = (SELECT version FROM products WHERE sku = $sku);
            INSERT INTO product_version_rows (sku, version, run_id, at, hash, doc, lineage, removed)
                SELECT sku, version + 1, $run, $at, hash, X'', CAST('[]' AS BLOB), 1 FROM products WHERE sku = $sku;
            UPDATE products SET removed = 1, version = version + 1, run_id = $run, change_seq = $seq, sources = '', state = 0 WHERE sku = $sku;
            """;
        var sku = tombstone.Parameters.Add("$sku", SqliteType.Text);
        var seq = tombstone.Parameters.Add("$seq", SqliteType.Integer);
        tombstone.Parameters.AddWithValue("$run", run.Id);
        tombstone.Parameters.AddWithValue("$at", at);
        foreach (var removed in skus)
        {
            sku.Value = removed;
            seq.Value = await nextSequence(cancellationToken).ConfigureAwait(false);
            await tombstone.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return skus.Count;
    }
}
