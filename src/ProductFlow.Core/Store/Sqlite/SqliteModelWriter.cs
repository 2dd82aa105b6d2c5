using Microsoft.Data.Sqlite;
using ProductFlow.Model;

namespace ProductFlow.Store.Sqlite;

/// <summary>A session's writes of product models: a new version when a model's content changed, none otherwise.</summary>
/// <remarks>
/// Models are records of their own (<c>product_models</c>, <c>product_model_versions</c>), keyed by code in a namespace apart
/// from the products' SKUs. The latest run wins a model whichever source it is (models do not merge sources); full runs never
/// remove models. The writes belong to the session's transaction.
/// </remarks>
internal sealed class SqliteModelWriter : IDisposable
{
    private readonly SqliteCommand _select;
    private readonly SqliteStatement _upsert;
    private readonly SqliteStatement _version;
    private readonly ProductDocument _document = new();

    public SqliteModelWriter(SqliteConnection connection, SqliteTransaction transaction)
    {
        _select = SqliteStoreSession.PrepareRead(connection, transaction, "SELECT version, hash FROM product_models WHERE code = $code", "$code");
        // The writes run in the transaction begun on the same connection.
        _upsert = new SqliteStatement(
            connection,
            """
            INSERT INTO product_models (code, version, hash, doc, run_id, source, parent, family) VALUES ($code, $version, $hash, $doc, $run, $source, $parent, $family)
            ON CONFLICT (code) DO UPDATE SET version = excluded.version, hash = excluded.hash, doc = excluded.doc, run_id = excluded.run_id,
                source = excluded.source, parent = excluded.parent, family = excluded.family
            """,
            "$code", "$version", "$hash", "$doc", "$run", "$source", "$parent", "$family");
        _version = new SqliteStatement(
            connection,
            "INSERT INTO product_model_versions (code, version, run_id, at, hash, doc, lineage) VALUES ($code, $version, $run, $at, $hash, $doc, $lineage)",
            "$code", "$version", "$run", "$at", "$hash", "$doc", "$lineage");
    }

    /// <summary>Stores <paramref name="model"/>; returns the version written (1: created), or 0 when its content did not change.</summary>
    public int Upsert(ProductRecord model, RunRecord run, string at)
    {
        _document.Write(model, run.Pipeline);
        _select.Parameters[0].Value = model.Sku;
        var current = 0;
        using (var reader = _select.ExecuteReader())
        {
            if (reader.Read())
            {
                if (((byte[])reader[1]).AsSpan().SequenceEqual(_document.Hash))
                {
                    return 0;
                }

                current = reader.GetInt32(0);
            }
        }

        var version = current + 1;
        _upsert.Bind(0, model.Sku);
        _upsert.Bind(1, version);
        _upsert.Bind(2, _document.Hash);
        _upsert.Bind(3, _document.Content.Span);
        _upsert.Bind(4, run.Id);
        _upsert.Bind(5, run.Pipeline);
        _upsert.Bind(6, model.Parent);
        _upsert.Bind(7, model.Family);
        _upsert.Execute();
        _version.Bind(0, model.Sku);
        _version.Bind(1, version);
        _version.Bind(2, run.Id);
        _version.Bind(3, at);
        _version.Bind(4, _document.Hash);
        _version.Bind(5, _document.Content.Span);
        _version.Bind(6, _document.Lineage.Span);
        _version.Execute();
        return version;
    }

    public void Dispose()
    {
        _select.Dispose();
        _upsert.Dispose();
        _version.Dispose();
    }
}
