namespace ProductFlow.Model;

/// <summary>The canonical product (or variant, or product model) that every stage after the mapper works on.</summary>
/// <remarks>
/// <see cref="Parent"/> names the product model that groups variants. <see cref="Line"/> and
/// <see cref="Feed"/> say where the record was read, for issues and lineage.
/// </remarks>
public sealed class ProductRecord
{
    private bool _enabled = true;

    public ProductRecord(string sku)
    {
        ArgumentNullException.ThrowIfNull(sku);
        Sku = sku;
    }

    /// <summary>The product's SKU; for a product model (<see cref="IsModel"/>), the model's code.</summary>
    public string Sku { get; }

    /// <summary>The product model this record belongs to: a variant's model, or a sub-model's root model.</summary>
    public string? Parent { get; set; }

    /// <summary>Whether the record is a product model (Akeneo's <c>product_models.csv</c>) rather than a product: stored as a model of its own, never published as a product.</summary>
    public bool IsModel { get; init; }

    /// <summary>A product model's family variant (its code): it decides the axes checked at each level below the model.</summary>
    public string? FamilyVariant { get; set; }

    public string? Family { get; set; }

    /// <summary>The record's category codes, in the feed's order.</summary>
    /// <remarks>
    /// This list, <see cref="Groups"/> and <see cref="Associations"/> are set whole, not changed in place: a list set here must not change
    /// after, so records may share one (the mapper gives every row of the same categories one list, and an empty one is no list at all).
    /// </remarks>
    public IReadOnlyList<string> Categories { get; set; } = [];

    /// <summary>Whether the product may be published; <c>true</c> unless a feed says otherwise. Setting it makes <see cref="EnabledGiven"/> true.</summary>
    public bool Enabled
    {
        get => _enabled;
        set
        {
            _enabled = value;
            EnabledGiven = true;
        }
    }

    /// <summary>Whether <see cref="Enabled"/> was set (a feed with an enabled column) rather than left at its default.</summary>
    /// <remarks>A merge of several sources keeps the stored state when the feed did not say (see <c>SourceMerge</c>).</remarks>
    public bool EnabledGiven { get; set; }

    public ProductValues Values { get; } = new();

    /// <summary>The product groups the record belongs to (Akeneo's <c>groups</c>: codes, such as <c>promo</c>); content, like categories.</summary>
    public IReadOnlyList<string> Groups { get; set; } = [];

    /// <summary>Links to other products, product models and groups, by association type; content, kept in <see cref="ProductAssociation.Order"/>.</summary>
    public IReadOnlyList<ProductAssociation> Associations { get; set; } = [];

    public string? Feed { get; init; }

    public long Line { get; init; }

    /// <summary>The channels the record was checked for and its issues that did not reject it; stored beside it, not as content.</summary>
    public ProductNotes Notes { get; set; } = ProductNotes.None;

    /// <summary>The value of <paramref name="attribute"/> for a channel and locale, falling back from the most specific scope to the unscoped one.</summary>
    public ProductValue? Resolve(string attribute, string? channel, string? locale, string? currency = null) =>
        ResolveIndex(attribute, channel, locale, currency) is >= 0 and var index ? Values.Cells[index].ToValue() : null;

    /// <summary>As <see cref="Resolve"/>, the index of the value in <see cref="Values"/>; -1 when there is none.</summary>
    public int ResolveIndex(string attribute, string? channel, string? locale, string? currency = null)
    {
        var best = -1;
        var bestScore = -1;
        var values = Values.Cells;
        for (var i = 0; i < values.Length; i++)
        {
            ref readonly var value = ref values[i];
            if (!string.Equals(value.Attribute, attribute, StringComparison.Ordinal)
                || (value.Locale is not null && !string.Equals(value.Locale, locale, StringComparison.Ordinal))
                || (value.Channel is not null && !string.Equals(value.Channel, channel, StringComparison.Ordinal))
                || (currency is not null && value.Currency is not null && !string.Equals(value.Currency, currency, StringComparison.Ordinal)))
            {
                continue;
            }

            var score = (value.Channel is null ? 0 : 2) + (value.Locale is null ? 0 : 1);
            if (score > bestScore)
            {
                best = i;
                bestScore = score;
            }
        }

        return best;
    }
}
