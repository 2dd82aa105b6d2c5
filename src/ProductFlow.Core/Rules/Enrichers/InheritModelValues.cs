using ProductFlow.Catalog;
using ProductFlow.Mapping;
using ProductFlow.Model;

namespace ProductFlow.Rules.Enrichers;

/// <summary>Inheritance: a variant takes the values it lacks from its product models, or, on flat supplier rows, from its model's first row.</summary>
/// <remarks>
/// <para><b>Product models</b> (a chain the run resolved: Akeneo's <c>product_models.csv</c>, in the feed or the store): a variant takes
/// every value of its models (nearest first) it has no non-blank value of itself, and their categories and associations it lacks; an
/// inherited value keeps its model's cell in its lineage (<c>product_models.csv:3 name-en_US</c>) and adds rule <c>inherit</c>.</para>
/// <para><b>Flat rows</b> (no model records): model-level attributes are those of the family at no level of its family variant, and
/// suppliers often fill them on a model's first row only. Rows of a model come together (a run orders them so), so only the current
/// model's values are held. An inherited value keeps the first row's cell in its lineage and adds rule <c>inherit</c>.</para>
/// A value the variant has itself always wins.
/// </remarks>
internal sealed class InheritModelValues(ProductCatalog catalog) : IRule
{
    public const string Rule = "inherit";

    private readonly Dictionary<string, HashSet<string>?> _variantLevel = new(StringComparer.Ordinal);
    private string? _model;
    private readonly List<ValueCell> _modelValues = [];

    public void Apply(MappedRecord record, RuleContext context)
    {
        var product = record.Record;
        if (product.IsModel)
        {
            return;
        }

        if (record.Models is { } chain)
        {
            Inherit(product, chain);
            return;
        }

        if (product.Parent is not { } parent || product.Family is null || VariantLevel(product.Family) is not { } variantLevel)
        {
            return;
        }

        if (!string.Equals(parent, _model, StringComparison.Ordinal))
        {
            _model = parent;
            HoldModelValues(product.Values, variantLevel);
            return;
        }

        foreach (ref readonly var inherited in System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_modelValues))
        {
            Take(product.Values, inherited, keepSource: true);
        }
    }

    /// <summary>Holds the model-level, non-blank values of a model's first row (in a loop of its own: a query's closure would be
    /// allocated on every row that reaches <see cref="Apply"/>).</summary>
    private void HoldModelValues(ProductValues values, HashSet<string> variantLevel)
    {
        _modelValues.Clear();
        foreach (ref readonly var value in values.Cells)
        {
            if (!variantLevel.Contains(value.Attribute) && !string.IsNullOrWhiteSpace(value.Data))
            {
                _modelValues.Add(value);
            }
        }
    }

    /// <summary>The values, categories and associations of the chain's models that the variant lacks.</summary>
    internal static void Inherit(ProductRecord product, ModelChain chain)
    {
        product.Family ??= chain.Root.Family;
        foreach (var model in chain.Models)
        {
            foreach (ref readonly var value in model.Values.Cells)
            {
                if (!string.IsNullOrWhiteSpace(value.Data))
                {
                    // The model's cell, not its source: the variant's run stores the value as its own.
                    Take(product.Values, value, keepSource: false);
                }
            }

            if (model.Categories.Any(c => !product.Categories.Contains(c)))
            {
                product.Categories = [.. product.Categories, .. model.Categories.Where(c => !product.Categories.Contains(c))];
            }

            if (model.Associations.Any(a => !Owns(product, a)))
            {
                product.Associations = [.. product.Associations, .. model.Associations.Where(a => !Owns(product, a))];
            }
        }
    }

    /// <summary>Gives <paramref name="values"/> the model's value, with rule <c>inherit</c> in its lineage, unless it has a non-blank value of that scope itself.</summary>
    /// <remarks>The inherited copy is made only when it is taken: most variants have most of their model's values themselves.</remarks>
    private static void Take(ProductValues values, in ValueCell model, bool keepSource)
    {
        var own = IndexOf(values, model);
        if (own >= 0 && !string.IsNullOrWhiteSpace(values.Cells[own].Data))
        {
            return;
        }

        var inherited = keepSource ? model.ChangedBy(Rule) : model.ChangedBy(Rule).WithSource(null);
        if (own < 0)
        {
            values.Add(inherited);
        }
        else
        {
            values.Set(own, inherited); // a blank of the variant's own gives way to the model's value
        }
    }

    private static int IndexOf(ProductValues values, in ValueCell key)
    {
        var cells = values.Cells;
        for (var i = 0; i < cells.Length; i++)
        {
            ref readonly var v = ref cells[i];
            if (v.Attribute == key.Attribute && v.Locale == key.Locale && v.Channel == key.Channel && v.Currency == key.Currency)
            {
                return i;
            }
        }

        return -1;
    }

    private HashSet<string>? VariantLevel(string family)
    {
        if (!_variantLevel.TryGetValue(family, out var attributes))
        {
            attributes = catalog.FindFamilyVariant(family)?.VariantAttributes.ToHashSet(StringComparer.Ordinal);
            _variantLevel[family] = attributes;
        }

        return attributes;
    }

    private static bool Owns(ProductRecord product, ProductAssociation association) =>
        product.Associations.Any(own => own.Type == association.Type && own.Target == association.Target && own.Code == association.Code);
}
