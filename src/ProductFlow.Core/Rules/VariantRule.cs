using ProductFlow.Catalog;
using ProductFlow.Collections;
using ProductFlow.Mapping;
using ProductFlow.Model;
using ProductFlow.Primitives;

namespace ProductFlow.Rules;

/// <summary>The variant rules: a record with a parent is a variant of that product model.</summary>
/// <remarks>
/// <c>variant.axis-missing</c>: a variant has a value for every axis of its level (<see cref="VariantShape"/>: under a sub-model, the
/// last level's axes; its colour comes from the sub-model, inherited before this rule runs).
/// <c>variant.axis-duplicate</c>: no two variants of one model share an axis combination (the later is rejected).
/// <c>variant.model-value</c> (warning by default: the row itself is sound, the model is ambiguous): model-level
/// attributes (at no variant level) are the same on every variant of a model, since they describe the model. A model's rows come together
/// (a run orders them so; <see cref="ModelGroups"/> tells a caller of the rules that does not, with <c>variant.ungrouped</c>): each group
/// of a model's rows is checked on its own.
/// A record without a parent is a simple product, even in a family with a family variant (Akeneo allows both). With
/// <c>requireModels</c> (Akeneo exports, where every model is a record) a variant whose parent is no product model of the feed or
/// the store is an orphan (<c>variant.orphan</c>); otherwise a parent is a code rows share, and <see cref="ModelGroups"/> finds lone ones.
/// Axis combinations and model-level values are compared within a model, so only the current model's are held: its axis combinations
/// (64-bit hashes) and its first variant; nothing grows with the feed, and a row costs no string building.
/// </remarks>
internal sealed class VariantRule(ProductCatalog catalog, bool requireModels = false) : IRule
{
    private readonly VariantShapes _shapes = new(catalog);
    private ulong? _currentModel;
    private HashSet<ulong> _combinations = [];
    private FirstVariant? _first;
    private string?[] _axisValues = [];

    public void Apply(MappedRecord record, RuleContext context)
    {
        var product = record.Record;
        if (product.IsModel || string.IsNullOrWhiteSpace(product.Parent))
        {
            return; // a model (ModelRule checks it) or a simple product
        }

        var parent = product.Parent;
        if (requireModels && record.Models is null)
        {
            context.Report(
                record, RuleIds.VariantOrphan, Severity.Error,
                $"parent '{parent}' is not a known product model: no product model of that code in the feed or the store (import product_models.csv first)",
                field: "parent");
            return;
        }

        if (_shapes.For(product, record.Models) is not { } shape)
        {
            return;
        }

        var model = KeyHash.Of(parent);
        StartModel(model);
        if (record.IsRejected)
        {
            return; // a rejected row is not stored: it neither takes an axis combination nor sets the model's values
        }

        // One pass over the values: the axis values (in axis order, hashed) and the model-level values (summed,
        // so their order in the feed does not matter).
        var axisValues = AxisValues(shape.Axes.Length);
        ulong modelValues = 0;
        foreach (ref readonly var value in product.Values.Cells)
        {
            var role = shape.Role(value.Slot);
            if (role >= 0)
            {
                axisValues[role] ??= string.IsNullOrWhiteSpace(value.Data) ? null : value.Data;
            }
            else if (role == VariantShape.ModelLevelValue)
            {
                modelValues += KeyHash.Of(value.Attribute, value.Locale, value.Channel, value.Data);
            }
        }

        var missing = Array.IndexOf(axisValues, null);
        if (missing >= 0)
        {
            var names = MissingAxes(shape.Axes, axisValues);
            context.Report(record, RuleIds.VariantAxisMissing, Severity.Error, $"variant of '{parent}' has no {string.Join(", ", names)} (axes of {shape.Code})", field: shape.Axes[missing]);
            return;
        }

        var combination = model;
        foreach (var axisValue in axisValues)
        {
            combination = (combination * 31) ^ KeyHash.Of(axisValue!);
        }

        if (!_combinations.Add(combination))
        {
            context.Report(record, RuleIds.VariantAxisDuplicate, Severity.Error, $"another variant of '{parent}' has the same {string.Join(", ", shape.Axes)}: {string.Join('/', axisValues)}", field: shape.Axes[0]);
            return;
        }

        if (_first is not { } first)
        {
            _first = new FirstVariant(modelValues, LineNumbers.Compact(product.Line));
        }
        else if (first.Values != modelValues)
        {
            context.Report(record, RuleIds.VariantModelValue, Severity.Warning, $"model-level values differ from the first variant of '{parent}' (line {first.Line}): they must be the same on every variant");
        }
    }

    /// <summary>The buffer of one record's axis values, cleared (reused from record to record: a rule sees one record at a time).</summary>
    private string?[] AxisValues(int axes)
    {
        if (_axisValues.Length != axes)
        {
            _axisValues = new string?[axes];
        }
        else
        {
            Array.Clear(_axisValues);
        }

        return _axisValues;
    }

    private static List<string> MissingAxes(string[] axes, string?[] axisValues)
    {
        var names = new List<string>();
        for (var i = 0; i < axes.Length; i++)
        {
            if (axisValues[i] is null)
            {
                names.Add(axes[i]);
            }
        }

        return names;
    }

    private void StartModel(ulong model)
    {
        if (_currentModel == model)
        {
            return;
        }

        _currentModel = model;
        // A model's state goes with it; a big model's set is dropped rather than cleared, so that later models do not clear its buckets.
        _first = null;
        if (_combinations.Count > 1024)
        {
            _combinations = [];
        }
        else
        {
            _combinations.Clear();
        }
    }

    /// <summary>A model's first accepted variant: the hash of its model-level values, and its line.</summary>
    private readonly record struct FirstVariant(ulong Values, uint Line);
}
