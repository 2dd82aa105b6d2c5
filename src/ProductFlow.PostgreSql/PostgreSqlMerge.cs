using Npgsql;

namespace ProductFlow.PostgreSql;

/// <summary>The set-based merge of a session's staged records into <c>products</c> and <c>product_versions</c>, at commit, under the merge lock.</summary>
/// <remarks>
/// Three statements over the whole staging table, each a hash join with <c>products</c>: blocking, notes and sources of
/// unchanged products in place; a new version of changed (or removed) products; version 1 of new SKUs. One pass each,
/// not one per batch: a run's staged rows are read three times whatever their number, and the planner picks the join.
/// The staging table holds one row per SKU when these run (the session drops earlier duplicates first).
/// Parameters: $1 the run's source token (<c>|name|</c>), $2 the run id, $3 its start time, $4 the pipeline.
/// </remarks>
internal static class PostgreSqlMerge
{
    // The sources column with the run's source in it.
    private const string WithSource = "CASE WHEN p.removed OR p.sources = '' THEN $1 WHEN strpos(p.sources, $1) > 0 THEN p.sources ELSE p.sources || substr($1, 2) END";

    // Same content: blocking, notes and sources change in place; only a change of blocking is a change for channel deltas.
    private const string Unchanged = $"""
        UPDATE products p SET blocked = s.blocked, notes = s.notes, sources = {WithSource},
            change_seq = CASE WHEN p.blocked <> s.blocked THEN nextval('product_changes') ELSE p.change_seq END
        FROM pg_temp.staging s
        WHERE p.sku = s.sku AND p.hash = s.hash AND NOT p.removed AND (p.blocked <> s.blocked OR p.notes <> s.notes OR strpos(p.sources, $1) = 0)
        """;

    private const string Changed = $"""
        WITH changed AS (
            UPDATE products p SET version = p.version + 1, hash = s.hash, enabled = s.enabled, blocked = s.blocked, doc = s.doc, run_id = $2,
                change_seq = nextval('product_changes'), source = $4, removed = false, notes = s.notes, sources = {WithSource}
            FROM pg_temp.staging s
            WHERE p.sku = s.sku AND (p.hash <> s.hash OR p.removed)
            RETURNING p.sku, p.version, s.hash, s.doc, s.lineage),
        versions AS (
            INSERT INTO product_versions (sku, version, run_id, at, hash, doc, lineage)
            SELECT sku, version, $2, $3, hash, doc, lineage FROM changed RETURNING 1)
        SELECT count(*) FROM versions
        """;

    private const string Created = """
        WITH new AS (
            SELECT s.sku, s.hash, s.enabled, s.blocked, s.doc, s.lineage, s.notes FROM pg_temp.staging s
            WHERE NOT EXISTS (SELECT 1 FROM products p WHERE p.sku = s.sku)),
        inserted AS (
            INSERT INTO products (sku, version, hash, enabled, blocked, doc, run_id, change_seq, source, notes, sources)
            SELECT sku, 1, hash, enabled, blocked, doc, $2, nextval('product_changes'), $4, notes, $1 FROM new),
        versions AS (
            INSERT INTO product_versions (sku, version, run_id, at, hash, doc, lineage)
            SELECT sku, 1, $2, $3, hash, doc, lineage FROM new RETURNING 1)
        SELECT count(*) FROM versions
        """;

    /// <summary>Merges the staging table; returns how many SKUs were created and how many got a new version.</summary>
    public static async Task<(long Created, long Updated)> MergeAsync(NpgsqlConnection connection, string source, string runId, DateTime at, string pipeline, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, Unchanged, source, runId, at, pipeline, cancellationToken).ConfigureAwait(false);
        var updated = await ExecuteAsync(connection, Changed, source, runId, at, pipeline, cancellationToken).ConfigureAwait(false);
        var created = await ExecuteAsync(connection, Created, source, runId, at, pipeline, cancellationToken).ConfigureAwait(false);
        return (created, updated);
    }

    private static async Task<long> ExecuteAsync(NpgsqlConnection connection, string sql, string source, string runId, DateTime at, string pipeline, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = source });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = runId });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = at });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = pipeline });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long count ? count : 0;
    }
}
