using Npgsql;
using NpgsqlTypes;
using ProductFlow.Model;
using ProductFlow.Store;

namespace ProductFlow.PostgreSql;

/// <summary>A session's product models: staged in <c>pg_temp.staging_models</c> in batches, merged at commit (a version only where the content changed).</summary>
/// <remarks>
/// Models are records of their own, keyed by code apart from the products' SKUs; the latest run wins a model whichever its source,
/// and full runs never remove models (as in the embedded store). Within a session the last upsert of a code wins.
/// </remarks>
internal sealed class PostgreSqlModels
{
    /// <summary>Models held before they are copied to the staging table.</summary>
    public const int BatchSize = 1_000;

    public const string CreateStaging = """
        CREATE TEMP TABLE staging_models (seq bigint NOT NULL, code text COLLATE "C" NOT NULL, hash bytea NOT NULL, doc bytea NOT NULL,
            lineage bytea NOT NULL, parent text COLLATE "C", family text);
        """;

    // The last staged row of a code wins; then one statement writes new and changed models and a version row for each.
    private const string Dedupe = "DELETE FROM pg_temp.staging_models s WHERE EXISTS (SELECT 1 FROM pg_temp.staging_models t WHERE t.code = s.code AND t.seq > s.seq)";

    private const string Merge = """
        WITH changed AS (
            INSERT INTO product_models AS m (code, version, hash, doc, run_id, source, parent, family)
            SELECT code, 1, hash, doc, $1, $3, parent, family FROM pg_temp.staging_models
            ON CONFLICT (code) DO UPDATE SET version = m.version + 1, hash = excluded.hash, doc = excluded.doc, run_id = excluded.run_id,
                source = excluded.source, parent = excluded.parent, family = excluded.family
            WHERE m.hash <> excluded.hash
            RETURNING m.code, m.version, m.hash, m.doc),
        versions AS (
            INSERT INTO product_model_versions (code, version, run_id, at, hash, doc, lineage)
            SELECT c.code, c.version, $1, $2, c.hash, c.doc, s.lineage FROM changed c JOIN pg_temp.staging_models s ON s.code = c.code
            RETURNING version)
        SELECT count(*) FILTER (WHERE version = 1), count(*) FILTER (WHERE version > 1), (SELECT count(*) FROM pg_temp.staging_models) FROM versions
        """;

    private readonly List<(string Code, byte[] Hash, byte[] Doc, byte[] Lineage, string? Parent, string? Family)> _held = [];
    private readonly ProductDocument _document = new();
    private long _seq;

    /// <summary>Whether models wait to be copied.</summary>
    public bool HasHeld => _held.Count > 0;

    /// <summary>Holds <paramref name="model"/> for the next copy; returns whether a batch is full.</summary>
    public bool Add(ProductRecord model, string source)
    {
        _document.Write(model, source);
        _held.Add((model.Sku, _document.Hash, _document.Content.ToArray(), _document.Lineage.ToArray(), model.Parent, model.Family));
        return _held.Count >= BatchSize;
    }

    /// <summary>Copies the held models into the staging table (no other COPY may be open on the connection).</summary>
    public async Task FlushAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (_held.Count == 0)
        {
            return;
        }

        var copy = await connection.BeginBinaryImportAsync(
            "COPY pg_temp.staging_models (seq, code, hash, doc, lineage, parent, family) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        await using (copy.ConfigureAwait(false))
        {
            foreach (var (code, hash, doc, lineage, parent, family) in _held)
            {
                await copy.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(_seq++, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(code, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(hash, NpgsqlDbType.Bytea, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(doc, NpgsqlDbType.Bytea, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(lineage, NpgsqlDbType.Bytea, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(parent, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await copy.WriteAsync(family, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            }

            await copy.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        _held.Clear();
    }

    /// <summary>Merges the staged models (inside the commit's transaction, under the merge lock): created, updated and unchanged counts.</summary>
    public async Task<(long Created, long Updated, long Unchanged)> MergeAsync(NpgsqlConnection connection, RunRecord run, DateTime at, CancellationToken cancellationToken)
    {
        if (_seq == 0)
        {
            return (0, 0, 0);
        }

        await using (var dedupe = new NpgsqlCommand(Dedupe, connection))
        {
            await dedupe.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var command = new NpgsqlCommand(Merge, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = run.Id });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = at });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = run.Pipeline });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var (created, updated) = (reader.GetInt64(0), reader.GetInt64(1));
        return (created, updated, reader.GetInt64(2) - created - updated);
    }
}
