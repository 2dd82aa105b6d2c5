using ProductFlow.Model;
using ProductFlow.Ordering;
using ProductFlow.Store;

namespace ProductFlow.Running;

/// <summary>The product models a run accepted so far, by code: held in memory up to a bound, past it in a scratch file.</summary>
/// <remarks>
/// Their variants later in the run inherit from them, so they are kept until the run ends; a product-model export of a large catalog
/// (a hundred thousand models) must not hold them all in memory. Past <c>maxHeld</c> models, every model goes to a scratch SQLite file
/// (<see cref="ScratchFile"/>) as its stored document and lineage, and is read back, origins and all, when a variant asks for it.
/// </remarks>
internal sealed class AcceptedModels(int maxHeld = AcceptedModels.DefaultMaxHeld) : IDisposable
{
    public const int DefaultMaxHeld = 10_000;

    private readonly Dictionary<string, ProductRecord> _held = new(StringComparer.Ordinal);
    private readonly ProductDocument _document = new();
    private ScratchFile? _scratch;
    private Microsoft.Data.Sqlite.SqliteCommand? _insert;
    private Microsoft.Data.Sqlite.SqliteCommand? _select;

    /// <summary>Whether models went to the scratch file.</summary>
    public bool Spilled => _scratch is not null;

    public void Add(ProductRecord model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (_scratch is null && (_held.Count < maxHeld || _held.ContainsKey(model.Sku)))
        {
            _held[model.Sku] = model;
            return;
        }

        if (_scratch is null)
        {
            _scratch = ScratchFile.Create();
            using (var create = _scratch.Command("CREATE TABLE models (code TEXT PRIMARY KEY, doc BLOB NOT NULL, lineage BLOB NOT NULL) WITHOUT ROWID"))
            {
                create.ExecuteNonQuery();
            }

            _insert = _scratch.Command("INSERT OR REPLACE INTO models (code, doc, lineage) VALUES ($code, $doc, $lineage)", "$code", "$doc", "$lineage");
            _select = _scratch.Command("SELECT doc, lineage FROM models WHERE code = $code", "$code");
            foreach (var held in _held.Values)
            {
                Write(held);
            }

            _held.Clear();
        }

        Write(model);
    }

    public ProductRecord? Find(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (_held.TryGetValue(code, out var model))
        {
            return model;
        }

        if (_select is null)
        {
            return null;
        }

        _select.Parameters[0].Value = code;
        using var reader = _select.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var record = ProductDocument.Read((byte[])reader[0]);
        var origins = LineageJson.Read((byte[])reader[1]);
        for (var i = 0; i < record.Values.Count && i < origins.Count; i++)
        {
            if (origins[i] is { } origin)
            {
                record.Values.Set(i, record.Values.Cells[i].WithOrigin(origin));
            }
        }

        return record;
    }

    public void Dispose()
    {
        _insert?.Dispose();
        _select?.Dispose();
        _scratch?.Dispose();
    }

    private void Write(ProductRecord model)
    {
        _document.Write(model);
        _insert!.Parameters[0].Value = model.Sku;
        _insert.Parameters[1].Value = _document.Content.ToArray();
        _insert.Parameters[2].Value = _document.Lineage.ToArray();
        _insert.ExecuteNonQuery();
    }
}
