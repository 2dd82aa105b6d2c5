using Npgsql;

namespace ProductFlow.PostgreSql;

/// <summary>The set-based merge of a session's staged records into <c>products</c> and <c>product_versions</c>, at commit, under the merge lock.</summary>
/// <remarks>
/// Statements over the whole staging table, each a join with <c>products</c>: blocking, notes and sources of unchanged
/// products in place; a new version of changed (or removed) products; version 1 of new SKUs. One pass each, not one
/// per batch of rows: per-batch statements (5,000 rows, two statements each) spent most of a commit probing
/// <c>products</c> and sorting staged documents again and again.
/// The staging table holds one row per SKU when these run (the session drops earlier duplicates first).
/// A document is written once, to <c>products.doc</c>; the current version's <c>doc</c> is empty (see <see cref="PostgreSqlSchema"/>).
/// Parameters: $1 the run's source token (<c>|name|</c>), $2 the run id, $3 its start time, $4 the pipeline.
/// </remarks>
internal static class PostgreSqlMerge
{
    /// <summary>
    /// A staged row whose product is not known merged already: the source whose merge last wrote the product sent this same record under
    /// the same merge key (<see cref="Store.SourceContribution"/>), so merging it again would give what is stored. Such a row changes nothing.
    /// </summary>
    public const string NotMergedAlready = "(p.contribution = s.contribution) IS NOT TRUE";

    /// <summary>A product <c>p</c> other sources carry besides the run's ($1): its staged row is merged with it (<see cref="PostgreSqlSourceMerge"/>).</summary>
    public const string Shared = "NOT p.removed AND p.sources <> '' AND p.sources <> $1";

    // What a product keeps of the staged row that wrote it: its contribution when the row was merged with other sources (on the
    // product as it was), else nothing.
    private const string Contribution = $"CASE WHEN {Shared} THEN s.contribution END";

    // The sources column with the run's source in it.
    private const string WithSource = "CASE WHEN p.removed OR p.sources = '' THEN $1 WHEN strpos(p.sources, $1) > 0 THEN p.sources ELSE p.sources || substr($1, 2) END";

    // Same content: blocking, notes (and the channels checked) and sources change in place; only a change of blocking or of the
    // channels checked is a change for channel deltas.
    private const string Unchanged = $"""
        UPDATE products p SET blocked = s.blocked, notes = s.notes, checked = s.checked, sources = {WithSource}, contribution = {Contribution},
            change_seq = CASE WHEN p.blocked <> s.blocked OR p.checked <> s.checked THEN nextval('product_changes') ELSE p.change_seq END
        FROM pg_temp.staging s
        WHERE p.sku = s.sku AND p.hash = s.hash AND NOT p.removed AND {NotMergedAlready}
            AND (p.blocked <> s.blocked OR p.notes <> s.notes OR p.checked <> s.checked OR strpos(p.sources, $1) = 0 OR p.contribution IS DISTINCT FROM {Contribution})
        """;

    // The superseded version takes the product's current document (see PostgreSqlSchema); the new version's doc is empty,
    // products.doc holds it. Every sub-statement sees products as it was before the statement, so "moved" reads the old
    // document; driving it from "changed" keeps a run that changes nothing from scanning product_versions at all.
    private const string Changed = $"""
        WITH changed AS (
            UPDATE products p SET version = p.version + 1, hash = s.hash, enabled = s.enabled, blocked = s.blocked, doc = s.doc, run_id = $2,
                change_seq = nextval('product_changes'), source = $4, removed = false, notes = s.notes, checked = s.checked, sources = {WithSource},
                contribution = {Contribution}
            FROM pg_temp.staging s
            WHERE p.sku = s.sku AND (p.hash <> s.hash OR p.removed) AND {NotMergedAlready}
            RETURNING p.sku, p.version, s.hash, s.lineage),
        moved AS (
            UPDATE product_versions v SET doc = p.doc FROM changed c JOIN products p ON p.sku = c.sku
            WHERE v.sku = c.sku AND v.version = c.version - 1 AND length(v.doc) = 0),
        versions AS (
            INSERT INTO product_versions (sku, version, run_id, at, hash, doc, lineage)
            SELECT sku, version, $2, $3, hash, '\x'::bytea, lineage FROM changed RETURNING 1)
        SELECT count(*) FROM versions
        """;

    // Version 1 first, while products does not have the new SKUs yet; two scans of the staging table cost less than
    // materialising its new rows (documents and all) for two inserts.
    private const string CreatedVersions = """
        INSERT INTO product_versions (sku, version, run_id, at, hash, doc, lineage)
        SELECT s.sku, 1, $2, $3, s.hash, '\x'::bytea, s.lineage FROM pg_temp.staging s
        WHERE NOT EXISTS (SELECT 1 FROM products p WHERE p.sku = s.sku)
        """;

    private const string Created = """
        INSERT INTO products (sku, version, hash, enabled, blocked, doc, run_id, change_seq, source, notes, sources, checked)
        SELECT s.sku, 1, s.hash, s.enabled, s.blocked, s.doc, $2, nextval('product_changes'), $4, s.notes, $1, s.checked FROM pg_temp.staging s
        WHERE NOT EXISTS (SELECT 1 FROM products p WHERE p.sku = s.sku)
        """;

    /// <summary>Merges the staging table; returns how many SKUs were created and how many got a new version.</summary>
    public static async Task<(long Created, long Updated)> MergeAsync(NpgsqlConnection connection, string source, string runId, DateTime at, string pipeline, CancellationToken cancellationToken)
    {
        NpgsqlCommand Command(string sql)
        {
            var command = new NpgsqlCommand(sql, connection);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = source });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = runId });
            command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = at });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = pipeline });
            return command;
        }

        await using var unchanged = Command(Unchanged);
        await using var changed = Command(Changed);
        await using var createdVersions = Command(CreatedVersions);
        await using var created = Command(Created);
        await unchanged.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        var updated = (long)(await changed.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        var inserted = await createdVersions.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await created.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return (inserted, updated);
    }
}
