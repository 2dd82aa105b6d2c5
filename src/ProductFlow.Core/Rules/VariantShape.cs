using ProductFlow.Catalog;
using ProductFlow.Model;

namespace ProductFlow.Rules;

/// <summary>How the variants under one model vary: the axes that tell them apart, in order, and every attribute that may differ between them.</summary>
/// <remarks>
/// Under a model of a known chain the family variant is the root model's, and only the levels below the parent count: a variant of a
/// sub-model (level 1) varies by the level-2 axes, its colour is the sub-model's. Without a chain (flat supplier rows, the model a
/// code that rows share) the family's first family variant counts whole. Everything else is model-level.
/// </remarks>
internal sealed record VariantShape(string Code, string[] Axes, HashSet<string> VariantLevel)
{
    /// <summary>The shape of the levels from <paramref name="firstLevel"/> (0-based) of <paramref name="variant"/>.</summary>
    public static VariantShape Of(FamilyVariantDefinition variant, int firstLevel)
    {
        ArgumentNullException.ThrowIfNull(variant);
        var levels = variant.Levels.Skip(firstLevel).ToList();
        return new VariantShape(
            variant.Code,
            levels.SelectMany(l => l.Axes).ToArray(),
            levels.SelectMany(l => l.Axes.Concat(l.Attributes)).ToHashSet(StringComparer.Ordinal));
    }
}

/// <summary>The <see cref="VariantShape"/> of each record, compiled once per family variant and level.</summary>
internal sealed class VariantShapes(ProductCatalog catalog)
{
    private readonly Dictionary<(string, int), VariantShape?> _shapes = [];

    /// <summary>The shape under the record's model, or <c>null</c> when the record is no variant (no parent, a model, or a family that does not vary).</summary>
    public VariantShape? For(ProductRecord record, ModelChain? chain)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.IsModel || string.IsNullOrWhiteSpace(record.Parent))
        {
            return null;
        }

        if (chain is not null)
        {
            return chain.Root.FamilyVariant is { } code ? Shape(code, chain.Depth - 1, () => catalog.FindFamilyVariantByCode(code)) : null;
        }

        return record.Family is { } family ? Shape("family:" + family, 0, () => catalog.FindFamilyVariant(family)) : null;
    }

    private VariantShape? Shape(string key, int firstLevel, Func<FamilyVariantDefinition?> find)
    {
        if (!_shapes.TryGetValue((key, firstLevel), out var shape))
        {
            shape = find() is { } variant ? VariantShape.Of(variant, firstLevel) : null;
            _shapes[(key, firstLevel)] = shape;
        }

        return shape;
    }
}
