using ProductFlow.Catalog;
using ProductFlow.Collections;
using ProductFlow.Mapping;
using ProductFlow.Model;
using ProductFlow.Primitives;

namespace ProductFlow.Rules;

/// <summary>The rules of a product model record (Akeneo's <c>product_models.csv</c>): its family variant, its parent, its axes.</summary>
/// <remarks>
/// <c>model.family-variant</c>: a model names a family variant of the catalog; a sub-model has its root's family variant, one of two
/// levels, and its parent is a root model. <c>variant.orphan</c>: a sub-model's parent is a product model of the feed or the store.
/// <c>variant.axis-missing</c> and <c>variant.axis-duplicate</c>: a sub-model has a value for each axis of the first level, and no
/// other sub-model of its root has the same ones. A root model has no axes. State is 64-bit hashes, as in <see cref="VariantRule"/>.
/// </remarks>
internal sealed class ModelRule(ProductCatalog catalog) : IRule
{
    private readonly KeySet _combinations = new();

    public void Apply(MappedRecord record, RuleContext context)
    {
        var model = record.Record;
        if (!model.IsModel || model.Sku.Length == 0)
        {
            return;
        }

        if (model.FamilyVariant is not { } code || catalog.FindFamilyVariantByCode(code) is not { } variant)
        {
            context.Report(
                record, RuleIds.ModelFamilyVariant, Severity.Error,
                model.FamilyVariant is null ? "a product model needs a family variant" : $"family variant '{Quoted.Text(model.FamilyVariant)}' is not in the catalog",
                field: "family_variant");
            return;
        }

        if (string.IsNullOrWhiteSpace(model.Parent))
        {
            return;
        }

        if (record.Models is not { } chain)
        {
            context.Report(record, RuleIds.VariantOrphan, Severity.Error, $"parent '{model.Parent}' is not a known product model: no root model of that code in the feed or the store", field: "parent");
            return;
        }

        var problem = chain.Depth > 1 ? $"parent '{model.Parent}' is itself a sub-model: a sub-model's parent is a root model"
            : chain.Root.FamilyVariant != code ? $"family variant '{code}' is not its root model's ('{chain.Root.FamilyVariant}')"
            : variant.Levels.Count < 2 ? $"family variant '{code}' has one level: its models have no sub-models"
            : null;
        if (problem is not null)
        {
            context.Report(record, RuleIds.ModelFamilyVariant, Severity.Error, problem, field: "family_variant");
            return;
        }

        var axes = variant.Levels[0].Axes;
        var combination = KeyHash.Of(model.Parent);
        foreach (var axis in axes)
        {
            if (model.Values.FirstOrDefault(v => v.Attribute == axis && !string.IsNullOrWhiteSpace(v.Data)) is not { } value)
            {
                context.Report(record, RuleIds.VariantAxisMissing, Severity.Error, $"sub-model of '{model.Parent}' has no {axis} (the first-level axes of {code})", field: axis);
                return;
            }

            combination = (combination * 31) ^ KeyHash.Of(value.Data);
        }

        if (!_combinations.Add(combination))
        {
            context.Report(record, RuleIds.VariantAxisDuplicate, Severity.Error, $"another sub-model of '{model.Parent}' has the same {string.Join(", ", axes)}", field: axes[0]);
        }
    }
}
