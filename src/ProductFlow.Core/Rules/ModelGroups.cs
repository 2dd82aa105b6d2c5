using ProductFlow.Catalog;
using ProductFlow.Collections;
using ProductFlow.Mapping;
using ProductFlow.Model;
using ProductFlow.Primitives;

namespace ProductFlow.Rules;

/// <summary>Holds the rows of the current product model until the next model starts, to lift the values its variants share and to find lone parents.</summary>
/// <remarks>
/// The rule engine's grouping of a feed's rows (writers batch a product model's stored records with <c>Channels.ModelBatches</c>).
/// A model's rows come together in the feed (a run orders them so, and says so with <paramref name="grouped"/>; for a caller that
/// does not, the first row of a model that comes back gets <c>variant.ungrouped</c>, a warning, and each group is taken on its own),
/// so one model's rows are held,
/// never the feed; a model of more than <see cref="MaxRows"/> rows is passed on as it streams, unlifted.
/// <para><b>Lift</b> (lineage rule <c>lift</c>): a value of a variant-level attribute (not an axis) that every accepted
/// variant of the model has, with the same data, in the same scope, is the model's: each variant's value keeps its cell and
/// adds <c>lift</c>. A model needs two accepted variants to lift anything.</para>
/// <para><b>Lone parent</b> (<c>variant.orphan</c>, only when <paramref name="wholeFeed"/>): a parent that no other row of the
/// feed names and that is no product model of the feed or the store is no known product model (a mistyped model code, typically). Only a full feed can tell: a partial feed
/// may carry one changed variant of a model the store holds, and the rule engine does not read the store.</para>
/// Unless the rows come <paramref name="grouped"/>, the parents of finished models are kept as 64-bit hashes: a model that comes back
/// is told, and its parent is no lone one, since earlier rows named it (a collision, ~3e-8 likely at 1M models, only hides a lone
/// parent or a model that comes back). Grouped rows need none: no model comes back, so nothing grows with the feed.
/// Records come back in feed order; the list returned is reused by the next call.
/// </remarks>
internal sealed class ModelGroups(ProductCatalog catalog, bool wholeFeed, bool grouped = false)
{
    /// <summary>The most rows of one model held at once.</summary>
    public const int MaxRows = 1000;

    public const string LiftRule = "lift";

    private readonly VariantShapes _shapes = new(catalog);
    private readonly KeySet? _finished = grouped ? null : new();
    private readonly List<MappedRecord> _rows = [];
    private readonly List<MappedRecord> _ready = [];
    private readonly List<ProductValues> _accepted = [];
    private string? _parent;
    private bool _streaming;

    /// <summary>Takes a checked record; returns the records whose model is complete (its own, when it belongs to none).</summary>
    public IReadOnlyList<MappedRecord> Add(MappedRecord record, RuleContext context)
    {
        _ready.Clear();
        var product = record.Record;
        var parent = record.Row.Problem is null && _shapes.For(product, record.Models) is not null ? product.Parent : null;
        if (parent is null || !string.Equals(parent, _parent, StringComparison.Ordinal))
        {
            EndModel(context);
            _parent = parent;
            _streaming = false;
            if (parent is not null && _finished is not null && _finished.Contains(KeyHash.Of(parent)))
            {
                context.Report(record, RuleIds.VariantUngrouped, Severity.Warning, $"the rows of model '{parent}' are not together in the feed: sort the feed by parent", field: "parent");
            }
        }

        if (parent is null || _streaming)
        {
            _ready.Add(record);
        }
        else if (_rows.Count == MaxRows)
        {
            _streaming = true; // too big to hold: pass the model on unlifted
            _ready.AddRange(_rows);
            _ready.Add(record);
            _rows.Clear();
        }
        else
        {
            _rows.Add(record);
        }

        return _ready;
    }

    /// <summary>Ends the feed: returns the records of its last model.</summary>
    public IReadOnlyList<MappedRecord> Finish(RuleContext context)
    {
        _ready.Clear();
        EndModel(context);
        _parent = null;
        return _ready;
    }

    private void EndModel(RuleContext context)
    {
        if (_parent is null)
        {
            return;
        }

        // A parent is known when it is a product model of the feed or the store, or when other rows name it too.
        var known = _finished?.Add(KeyHash.Of(_parent)) == false || _streaming || _rows.Count > 1 || _rows[0].Models is not null;
        if (!known && wholeFeed && _rows.Count == 1)
        {
            context.Report(
                _rows[0], RuleIds.VariantOrphan, Severity.Error,
                $"parent '{_parent}' is not a known product model: no other row of this full feed names it (check the model code)",
                field: "parent");
        }

        if (_rows.Count > 1)
        {
            Lift(_rows, _shapes.For(_rows[0].Record, _rows[0].Models)!);
        }

        _ready.AddRange(_rows);
        _rows.Clear();
    }

    // Runs once per product model: reads the rows by index and reuses its list, allocating only the lifted values' copies.
    private void Lift(List<MappedRecord> rows, VariantShape shape)
    {
        var accepted = _accepted;
        accepted.Clear();
        foreach (var row in rows)
        {
            if (!row.IsRejected)
            {
                accepted.Add(row.Record.Values);
            }
        }

        if (accepted.Count < 2)
        {
            accepted.Clear();
            return;
        }

        // By index, not a copy of the first variant's values: a lift replaces the value at the first index with the same
        // content, never one after the value being read, and replacing keeps the count.
        var first = accepted[0];
        for (var j = 0; j < first.Count; j++)
        {
            var value = first.Cells[j];
            if (!shape.Liftable.Contains(value.Attribute) || value.Data.Length == 0 || !AllHave(accepted, value))
            {
                continue;
            }

            foreach (var values in accepted)
            {
                var i = IndexOfSame(values, value);
                values.Set(i, values.Cells[i].ChangedBy(LiftRule));
            }
        }

        accepted.Clear();
    }

    private static bool AllHave(List<ProductValues> accepted, in ValueCell value)
    {
        foreach (var values in accepted)
        {
            if (IndexOfSame(values, value) < 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The index of the value with <paramref name="key"/>'s scope and data, or -1.</summary>
    private static int IndexOfSame(ProductValues values, in ValueCell key)
    {
        var cells = values.Cells;
        for (var i = 0; i < cells.Length; i++)
        {
            ref readonly var v = ref cells[i];
            if (v.Attribute == key.Attribute && v.Locale == key.Locale && v.Channel == key.Channel && v.Currency == key.Currency && v.Unit == key.Unit && v.Data == key.Data)
            {
                return i;
            }
        }

        return -1;
    }

}
