using ProductFlow.Mapping;
using ProductFlow.Model;
using ProductFlow.Primitives;
using ProductFlow.Store;

namespace ProductFlow.Running;

/// <summary>Finds the product models above a run's records: those the run accepted so far, else those the store holds.</summary>
/// <remarks>
/// A record with a parent gets its <see cref="MappedRecord.Models"/> chain (nearest first, ending at a root model), or none when a
/// model of the chain is unknown. Models of the store are read as committed (<see cref="IProductStore.FindModelAsync"/>), with the
/// origins of their values from their lineage, and cached; a run reads its models before their variants (it orders its feed so),
/// so a variant's model is one lookup. The store is asked only for a code among its models' codes, read once at the first look
/// (<see cref="IProductStore.ReadModelCodesAsync"/>): the parents of a flat feed, no models, and a feed's new models cost no lookup (on
/// PostgreSQL a round trip each); a model another run commits after that look is not seen by this one. At most <see cref="MaxCached"/> stored models are cached (the cache starts over when full); the
/// run's own models are held up to a bound, then in a scratch file (<see cref="AcceptedModels"/>).
/// </remarks>
internal sealed class ModelResolver(IProductStore? store, int maxHeldModels = AcceptedModels.DefaultMaxHeld) : IDisposable
{
    /// <summary>Stored models (or their absence) kept between lookups.</summary>
    public const int MaxCached = 10_000;

    /// <summary>The most models above a record (Akeneo has two); a longer chain is a cycle or broken data, and ends unresolved.</summary>
    private const int MaxDepth = 4;

    private readonly AcceptedModels _accepted = new(maxHeldModels);
    private readonly Dictionary<string, ProductRecord?> _stored = new(StringComparer.Ordinal);
    private readonly HashSet<string> _changed = new(StringComparer.Ordinal);
    private readonly ProductDocument _document = new();
    private HashSet<ulong>? _storedCodes; // the hashes of the store's model codes, read at the first look at the store

    /// <summary>Sets <paramref name="mapped"/>'s model chain when its parent is a known model.</summary>
    public async ValueTask ResolveAsync(MappedRecord mapped, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mapped);
        var code = mapped.Row.Problem is null ? mapped.Record.Parent : null;
        if (string.IsNullOrWhiteSpace(code))
        {
            return;
        }

        List<ProductRecord>? models = null; // made once a model is found: most parents of a feed without models are none
        while (code is not null)
        {
            if (models?.Count == MaxDepth || await FindAsync(code, cancellationToken).ConfigureAwait(false) is not { } model || models?.Exists(m => m.Sku == model.Sku) == true)
            {
                return; // an unknown model, or a cycle: unresolved
            }

            (models ??= new(2)).Add(model);
            code = string.IsNullOrWhiteSpace(model.Parent) ? null : model.Parent;
        }

        mapped.Models = new ModelChain(models!);
    }

    /// <summary>The models the run accepted whose content differs from the store's (or that the store does not hold yet).</summary>
    public IReadOnlyCollection<string> Changed => _changed;

    /// <summary>A model the run accepted: its variants later in the run inherit from it (it wins over the store's version).</summary>
    public async ValueTask AcceptAsync(ProductRecord model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        _accepted.Add(model);
        var stored = store is null || !await IsStoredAsync(store, model.Sku, cancellationToken).ConfigureAwait(false)
            ? null : await store.FindModelAsync(model.Sku, cancellationToken).ConfigureAwait(false);
        if (stored is null || !SameContent(stored.Record, model))
        {
            _changed.Add(model.Sku);
        }
    }

    public void Dispose() => _accepted.Dispose();

    private async ValueTask<ProductRecord?> FindAsync(string code, CancellationToken cancellationToken)
    {
        if (_accepted.Find(code) is { } accepted)
        {
            return accepted;
        }

        if (store is null)
        {
            return null;
        }

        if (!await IsStoredAsync(store, code, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        if (_stored.TryGetValue(code, out var cached))
        {
            return cached;
        }

        if (_stored.Count >= MaxCached)
        {
            _stored.Clear();
        }

        var found = await store.FindModelAsync(code, cancellationToken).ConfigureAwait(false);
        var model = found is null ? null : WithOrigins(found);
        _stored[code] = model;
        return model;
    }

    /// <summary>Whether <paramref name="code"/> may be a model of the store: false for certain when its hash is none of the store's models' codes.</summary>
    private async ValueTask<bool> IsStoredAsync(IProductStore store, string code, CancellationToken cancellationToken)
    {
        if (_storedCodes is null)
        {
            var codes = new HashSet<ulong>();
            await foreach (var stored in store.ReadModelCodesAsync(cancellationToken).ConfigureAwait(false))
            {
                codes.Add(KeyHash.Of(stored));
            }

            _storedCodes = codes;
        }

        return _storedCodes.Contains(KeyHash.Of(code));
    }

    private bool SameContent(ProductRecord a, ProductRecord b)
    {
        _document.Write(a);
        var hash = _document.Hash;
        _document.Write(b);
        return hash.AsSpan().SequenceEqual(_document.Hash);
    }

    /// <summary>The stored model with each value's origin from its lineage (the cell of the feed that set it).</summary>
    internal static ProductRecord WithOrigins(StoredProduct stored)
    {
        var record = stored.Record;
        var origins = LineageJson.Read(stored.Lineage);
        for (var i = 0; i < record.Values.Count && i < origins.Count; i++)
        {
            if (origins[i] is { } origin)
            {
                record.Values.Set(i, record.Values.Cells[i].WithOrigin(origin));
            }
        }

        return record;
    }
}
