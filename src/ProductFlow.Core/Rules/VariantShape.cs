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
    /// <summary>What <see cref="Role"/> gives for a value of a variant-level attribute that is no axis.</summary>
    public const int VariantLevelValue = -1;

    /// <summary>What <see cref="Role"/> gives for a value of a model-level attribute (at no variant level).</summary>
    public const int ModelLevelValue = -2;

    private readonly SlotTable<int> _roles = new(slot =>
        Array.IndexOf(Axes, slot.Attribute) is >= 0 and var axis ? axis : VariantLevel.Contains(slot.Attribute) ? VariantLevelValue : ModelLevelValue);

    /// <summary>What a value of <paramref name="slot"/> is to this shape: the index of its axis in <see cref="Axes"/>, else
    /// <see cref="VariantLevelValue"/> or <see cref="ModelLevelValue"/>; worked out once per slot.</summary>
    public int Role(ValueSlot slot) => _roles[slot];

    /// <summary>The variant-level attributes that are no axis: those a model's variants may share (and lift).</summary>
    public HashSet<string> Liftable { get; } = VariantLevel.Where(a => !Axes.Contains(a)).ToHashSet(StringComparer.Ordinal);

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
/// <remarks>Asked once per record: the look-up allocates nothing (no key string, no delegate) once a shape is compiled.</remarks>
internal sealed class VariantShapes(ProductCatalog catalog)
{
    // Keyed apart (by family variant code and level, by family code) so a look-up needs no composed key.
    private readonly Dictionary<(string, int), VariantShape?> _byVariant = [];
    private readonly Dictionary<string, VariantShape?> _byFamily = new(StringComparer.Ordinal);

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
            return chain.Root.FamilyVariant is { } code ? OfVariant(code, chain.Depth - 1) : null;
        }

        return record.Family is { } family ? OfFamily(family) : null;
    }

    private VariantShape? OfVariant(string code, int firstLevel)
    {
        if (!_byVariant.TryGetValue((code, firstLevel), out var shape))
        {
            shape = catalog.FindFamilyVariantByCode(code) is { } variant ? VariantShape.Of(variant, firstLevel) : null;
            _byVariant[(code, firstLevel)] = shape;
        }

        return shape;
    }

    private VariantShape? OfFamily(string family)
    {
        if (!_byFamily.TryGetValue(family, out var shape))
        {
            shape = catalog.FindFamilyVariant(family) is { } variant ? VariantShape.Of(variant, 0) : null;
            _byFamily[family] = shape;
        }

        return shape;
    }
}
