using System.Globalization;
using ProductFlow.Catalog;
using ProductFlow.Model;
using ProductFlow.Primitives;

namespace ProductFlow.Channels.Google;

/// <summary>A record as a Google Merchant Center item: the value of each Google attribute, formatted as Google reads it.</summary>
/// <remarks>
/// Shared by the writers (TSV and XML) and by the rules that check what they would write. <c>id</c> is the SKU,
/// <c>item_group_id</c> the model, <c>link</c> the channel's template; the other attributes come from the catalog fields of
/// the channel's map (<see cref="DefaultAttributes"/> with <c>google.attributes</c> over them). Prices are <c>19.90 EUR</c>
/// (two decimals, invariant, the channel's currency), availability <c>in_stock</c>/<c>out_of_stock</c> from a stock number
/// (or a boolean), shipping weight <c>0.25 kg</c> (g, kg, lb and oz as they are, other mass units in kg).
/// </remarks>
internal sealed class GoogleItem
{
    /// <summary>Google's attributes, in the order of the TSV's columns.</summary>
    public static readonly IReadOnlyList<string> Fields =
    [
        "id", "item_group_id", "title", "description", "link", "image_link", "additional_image_link", "availability",
        "price", "sale_price", "brand", "gtin", "mpn", "condition", "color", "size", "gender", "age_group",
        "google_product_category", "shipping_weight",
    ];

    /// <summary>The catalog fields behind Google's attributes by default (an empty one is not mapped).</summary>
    public static readonly IReadOnlyDictionary<string, string> DefaultAttributes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["title"] = "title", ["description"] = "description", ["image_link"] = "image", ["additional_image_link"] = "",
        ["availability"] = "stock", ["price"] = "price", ["sale_price"] = "", ["brand"] = "brand", ["gtin"] = "gtin", ["mpn"] = "",
        ["condition"] = "", ["color"] = "color", ["size"] = "size", ["gender"] = "", ["age_group"] = "",
        ["google_product_category"] = "", ["shipping_weight"] = "weight",
    };

    /// <summary>What Google needs of every item (rule <c>google.required</c>).</summary>
    public static readonly IReadOnlyList<string> Required = ["id", "title", "description", "link", "image_link", "availability", "price"];

    /// <summary>The attributes written as the catalog's text, unchanged (rule <c>value.formula-like</c> checks them).</summary>
    public static readonly IReadOnlyList<string> TextFields =
        ["title", "description", "image_link", "additional_image_link", "brand", "gtin", "mpn", "color", "size", "gender", "age_group", "google_product_category"];

    /// <summary>Why a Google writer has no removals.</summary>
    public const string FullOnly = "google-merchant takes full files only: a product that left is simply not in the next one";

    private static readonly HashSet<string> GoogleMassUnits = new(["g", "kg", "lb", "oz"], StringComparer.Ordinal);

    // What each of Fields is, and each by its name: worked out once, not per record and field.
    private static readonly Kind[] Kinds = [.. Fields.Select(KindOf)];
    private static readonly Dictionary<string, int> FieldIndex = Fields.Select((f, i) => (f, i)).ToDictionary(p => p.f, p => p.i, StringComparer.Ordinal);

    private readonly ChannelView _view;
    private readonly GoogleOptions _options;
    private readonly FieldMap _map;
    private readonly CompiledTemplate? _link;
    private readonly string?[] _linkValues;
    private readonly string?[] _values = new string?[Fields.Count];
    private readonly string?[] _sources; // by index of Fields: the catalog field mapped to each, if one is
    private readonly bool _numericStock; // availability's field holds numbers (a stock), not a boolean or a status
    private readonly AttributeDefinition? _weight; // shipping_weight's attribute

    // view: the view to read records through, shared with the rules of the channel (default: one of its own).
    public GoogleItem(ChannelDefinition channel, ProductCatalog catalog, ChannelView? view = null)
    {
        ArgumentNullException.ThrowIfNull(channel);
        _view = view ?? new ChannelView(channel, catalog);
        _options = channel.Google ?? new GoogleOptions();
        _map = Map(channel);
        _link = _options.Link is null ? null : CompiledTemplate.Parse(_options.Link);
        _linkValues = new string?[_link?.Variables.Length ?? 0];
        _sources = [.. Fields.Select(f => _map[f])];
        _numericStock = _map["availability"] is { } stock && _view.Attribute(stock)?.IsNumeric == true;
        _weight = _map["shipping_weight"] is { } weight ? _view.Attribute(weight) : null;
    }

    public GoogleOptions Options => _options;

    /// <summary>The channel's field map: <see cref="DefaultAttributes"/> with the channel's <c>google.attributes</c> over them.</summary>
    public static FieldMap Map(ChannelDefinition channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return new FieldMap(DefaultAttributes, channel.Google?.Attributes);
    }

    /// <summary>The catalog field behind a Google attribute, if one is mapped.</summary>
    public string? Source(string field) => _map[field];

    /// <summary>The values of <see cref="Fields"/> for <paramref name="record"/>; <c>null</c> where there is none. The array is reused by the next call.</summary>
    public IReadOnlyList<string?> Values(ProductRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        for (var i = 0; i < Fields.Count; i++)
        {
            var value = Value(record, i);
            _values[i] = string.IsNullOrWhiteSpace(value) ? null : value;
        }

        return _values;
    }

    /// <summary>The value of one of <see cref="Fields"/> for <paramref name="record"/>, as <see cref="Values"/> gives it; <c>null</c> where there is none.</summary>
    /// <remarks>For a check of a few fields, without formatting every other (a price, a weight conversion, the link template).</remarks>
    public string? ValueOf(ProductRecord record, string field)
    {
        ArgumentNullException.ThrowIfNull(record);
        var value = Value(record, field);
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    /// <summary>Whether <see cref="ValueOf"/> has a value for <paramref name="field"/>, told without formatting a price (a price
    /// with an amount and a currency is never blank).</summary>
    /// <remarks>Nor a link whose template always has text: the link is there when each of its variables has a value.</remarks>
    public bool Has(ProductRecord record, string field) => field switch
    {
        "price" or "sale_price" => _map[field] is { } source && _view.Number(record, source) is not null && (_view.Channel.Currency ?? _view.ResolveCell(record, source).Currency) is not null,
        "link" when _link is { AlwaysHasText: true } => ReadLinkValues(record),
        _ => ValueOf(record, field) is not null,
    };

    private static Kind KindOf(string field) => field switch
    {
        "id" => Kind.Id,
        "item_group_id" => Kind.ItemGroupId,
        "link" => Kind.Link,
        "availability" => Kind.Availability,
        "price" or "sale_price" => Kind.Price,
        "condition" => Kind.Condition,
        "shipping_weight" => Kind.Weight,
        _ => Kind.Text,
    };

    // A field that is not one of Fields is the text of what it is mapped to, if anything.
    private string? Value(ProductRecord record, string field) =>
        FieldIndex.TryGetValue(field, out var index) ? Value(record, index) : _map[field] is { } source ? _view.Text(record, source) : null;

    /// <summary>The value of <c>Fields[<paramref name="field"/>]</c>, before blanks are taken for none.</summary>
    private string? Value(ProductRecord record, int field) => Kinds[field] switch
    {
        Kind.Id => record.Sku,
        Kind.ItemGroupId => record.Parent,
        Kind.Link => Link(record),
        Kind.Availability => Availability(record, _sources[field]),
        Kind.Price => Price(record, _sources[field]),
        Kind.Condition => Text(record, field) ?? _options.Condition,
        Kind.Weight => Weight(record, _sources[field]),
        _ => Text(record, field),
    };

    private string? Text(ProductRecord record, int field) => _sources[field] is { } source ? _view.Text(record, source) : null;

    private string? Link(ProductRecord record) => _link is not null && ReadLinkValues(record) ? _link.Render(_linkValues).Trim() : null;

    /// <summary>Reads the link template's values into <c>_linkValues</c>; <c>false</c> when one has none (the record has no link).</summary>
    private bool ReadLinkValues(ProductRecord record)
    {
        var variables = _link!.Variables;
        for (var i = 0; i < variables.Length; i++)
        {
            if (_view.Text(record, variables[i]) is not { Length: > 0 } value)
            {
                return false;
            }

            _linkValues[i] = value;
        }

        return true;
    }

    private string? Availability(ProductRecord record, string? source)
    {
        if (source is null || _view.Text(record, source) is not { } text)
        {
            return null;
        }

        if (_numericStock)
        {
            return CanonicalNumber.TryParse(text, out var stock) ? (stock > 0 ? "in_stock" : "out_of_stock") : null;
        }

        return text switch
        {
            "true" => "in_stock",
            "false" => "out_of_stock",
            _ => text.Trim().ToLowerInvariant().Replace(' ', '_'),
        };
    }

    private string? Price(ProductRecord record, string? source)
    {
        if (source is null || _view.Number(record, source) is not { } amount)
        {
            return null;
        }

        var currency = _view.Channel.Currency ?? _view.ResolveCell(record, source).Currency;
        // One string, formatted in place (not the amount's string and then the joined one).
        return currency is null ? null : string.Create(CultureInfo.InvariantCulture, $"{amount:0.00} {currency}");
    }

    private string? Weight(ProductRecord record, string? source)
    {
        if (source is null || _view.ResolveCell(record, source) is not { IsEmpty: false } value)
        {
            return null;
        }

        var unit = value.Unit ?? _weight?.Unit;
        if (unit is not null && GoogleMassUnits.Contains(unit) && CanonicalNumber.TryParse(value.Data, out var number))
        {
            return CanonicalNumber.FormatWithUnit(number, unit);
        }

        return _view.Measure(record, source, _weight, "kg") is { } kg ? CanonicalNumber.FormatWithUnit(kg, "kg") : null;
    }

    private enum Kind
    {
        Text,
        Id,
        ItemGroupId,
        Link,
        Availability,
        Price,
        Condition,
        Weight,
    }
}
