using System.Text;
using ProductFlow.Catalog;
using ProductFlow.Mapping;
using ProductFlow.Model;

namespace ProductFlow.Rules;

/// <summary>The variant rules on flat supplier rows (one row per variant, grouped by their product model in <c>parent</c>).</summary>
/// <remarks>
/// <c>variant.axis-missing</c>: a variant has a value for every axis of its family variant.
/// <c>variant.axis-duplicate</c>: no two variants of one model share an axis combination (the later is rejected).
/// <c>variant.model-value</c>: model-level attributes (at no variant level) are the same on every variant of a model,
/// since they describe the model. <c>variant.ungrouped</c> (warning): a model's rows come together in the feed — a
/// model seen again after others is reported, because models are inferred from consecutive rows.
/// State is 64-bit hashes per model and per axis combination, not records.
/// </remarks>
internal sealed class VariantRule(ProductCatalog catalog) : IRule
{
    private readonly HashSet<ulong> _combinations = [];
    private readonly Dictionary<ulong, (ulong Values, long Line)> _models = [];
    private readonly HashSet<ulong> _finishedModels = [];
    private ulong? _currentModel;

    public void Apply(MappedRecord record, RuleContext context)
    {
        var product = record.Record;
        if (product.Parent is not { } parent || product.Family is null || catalog.FindFamilyVariant(product.Family) is not { } variant)
        {
            return;
        }

        var model = KeyHash.Of(parent);
        CheckGrouping(record, context, model);
        if (record.IsRejected)
        {
            return; // a rejected row is not stored: it neither takes an axis combination nor sets the model's values
        }

        var missing = variant.Axes.Where(axis => !product.Values.Any(v => v.Attribute == axis && !string.IsNullOrWhiteSpace(v.Data))).ToList();
        if (missing.Count > 0)
        {
            context.Report(record, RuleIds.VariantAxisMissing, Severity.Error, $"variant of '{parent}' has no {string.Join(", ", missing)} (axes of {variant.Code})", field: missing[0]);
            return;
        }

        var axes = string.Join('\u001f', variant.Axes.Select(axis => Data(product, axis)));
        if (!_combinations.Add(KeyHash.Of(parent + '\u001e' + axes)))
        {
            context.Report(record, RuleIds.VariantAxisDuplicate, Severity.Error, $"another variant of '{parent}' has the same {string.Join(", ", variant.Axes)}: {axes.Replace('\u001f', '/')}", field: variant.Axes.First());
            return;
        }

        var modelValues = ModelValuesHash(product, variant);
        if (!_models.TryAdd(model, (modelValues, product.Line)) && _models[model].Values != modelValues)
        {
            context.Report(record, RuleIds.VariantModelValue, Severity.Error, $"model-level values differ from the first variant of '{parent}' (line {_models[model].Line}): they must be the same on every variant");
        }
    }

    private void CheckGrouping(MappedRecord record, RuleContext context, ulong model)
    {
        if (_currentModel == model)
        {
            return;
        }

        if (_currentModel is { } previous)
        {
            _finishedModels.Add(previous);
        }

        _currentModel = model;
        if (_finishedModels.Contains(model))
        {
            context.Report(record, RuleIds.VariantUngrouped, Severity.Warning, $"the rows of model '{record.Record.Parent}' are not together in the feed: sort the feed by parent", field: "parent");
        }
    }

    private static string Data(ProductRecord product, string attribute) =>
        product.Values.First(v => v.Attribute == attribute && !string.IsNullOrWhiteSpace(v.Data)).Data;

    /// <summary>A hash of the values of model-level attributes, in a stable order.</summary>
    private static ulong ModelValuesHash(ProductRecord product, FamilyVariantDefinition variant)
    {
        var variantLevel = variant.VariantAttributes.ToHashSet(StringComparer.Ordinal);
        var text = new StringBuilder();
        foreach (var value in product.Values.Where(v => !variantLevel.Contains(v.Attribute))
            .OrderBy(v => v.Attribute, StringComparer.Ordinal).ThenBy(v => v.Locale, StringComparer.Ordinal).ThenBy(v => v.Channel, StringComparer.Ordinal))
        {
            text.Append(value.Attribute).Append('\u001f').Append(value.Locale).Append('\u001f').Append(value.Channel).Append('\u001f').Append(value.Data).Append('\u001e');
        }

        return KeyHash.Of(text.ToString());
    }
}
