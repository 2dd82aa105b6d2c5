using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using ProductFlow.Catalog;
using ProductFlow.Json;
using ProductFlow.Model;

namespace ProductFlow.Channels.Web;

/// <summary>Channel kind <c>web-json</c>: JSON Lines, one schema.org document per product model with its variants nested.</summary>
/// <remarks>
/// A model is a <c>ProductGroup</c> whose <c>hasVariant</c> lists its records as <c>Product</c>s; a record without a model is a
/// <c>Product</c> of its own. Model-level attributes (at no level of the family variant) come from the model's first record and
/// sit on the group; the others on each variant. Attributes no schema.org property takes go to <c>additionalProperty</c>.
/// A product's associations are listed under <c>isRelatedTo</c> / <c>isSimilarTo</c> (by the channel's <c>web.associations</c> map)
/// and, all of them with quantities, under <c>associations</c>. A delta removes a model (or a product without one) with a tombstone line. Documented by <c>schemas/channels/web-product.schema.json</c>.
/// </remarks>
internal sealed class WebJsonWriter : IChannelWriter
{
    public const string Kind = "web-json";

    /// <summary>The schema.org properties and the catalog fields that feed them by default; <c>title</c> is a variant's name.</summary>
    public static readonly IReadOnlyDictionary<string, string> DefaultAttributes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["name"] = "name", ["title"] = "title", ["description"] = "description", ["brand"] = "brand", ["gtin"] = "gtin",
        ["color"] = "color", ["size"] = "size", ["image"] = "image", ["weight"] = "weight", ["price"] = "price", ["stock"] = "stock",
    };

    private static readonly string[] Properties = ["description", "brand", "gtin", "color", "size", "image", "weight"];
    private const int BrandProperty = 1; // indexes of Properties
    private const int WeightProperty = 6;

    // Letters of every script as they are; HTML-sensitive characters stay escaped, so a document can be embedded in a page. One
    // instance for every writer, so the names encoded once below are encoded exactly as the writers escape.
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);

    private static readonly JsonEncodedText[] PropertyNames = Array.ConvertAll(Properties, p => JsonEncodedText.Encode(p, Encoder));

    private static readonly Dictionary<string, string> UnitCodes = new(StringComparer.Ordinal)
    {
        ["mg"] = "MGM", ["g"] = "GRM", ["kg"] = "KGM", ["t"] = "TNE", ["oz"] = "ONZ", ["lb"] = "LBR",
        ["mm"] = "MMT", ["cm"] = "CMT", ["m"] = "MTR", ["ml"] = "MLT", ["l"] = "LTR",
    };

    private readonly Stream _output;
    private readonly Utf8JsonWriter _json;
    private readonly ChannelView _view;
    private readonly ProductCatalog _catalog;
    private readonly FieldMap _map;
    private readonly ModelBatches _groups;
    private readonly WebAssociations _associations;
    private readonly Dictionary<string, VariantLevels> _levels = new(StringComparer.Ordinal); // by family: a publish writes many models of few families

    // The fields mapped to the properties, worked out once: a document is written from them, not by looking names up per record.
    private readonly string?[] _sources; // by index of Properties
    private readonly string? _name;
    private readonly string? _title;
    private readonly string? _price;
    private readonly string? _stock;
    private readonly string? _weightUnit; // the unit of the weight's attribute, for a value without its own
    private readonly bool[] _additional; // by catalog attribute: not mapped to a property, so written under additionalProperty
    private readonly JsonEncodedText?[] _codes; // by catalog attribute: its code encoded once (null for one the encoder cannot take)
    private readonly VariantLevels _noVariant; // a family without a family variant
    private readonly Level _everyLevel; // a product without a model

    public WebJsonWriter(ChannelView view, Stream output, ExportMode mode)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(output);
        var channel = view.Channel;
        _output = output;
        _catalog = view.Catalog;
        _view = view;
        _map = new FieldMap(DefaultAttributes, channel.Web?.Attributes);
        var mapped = _map.Sources.ToHashSet(StringComparer.Ordinal);
        _sources = [.. Properties.Select(p => _map[p])];
        (_name, _title, _price, _stock) = (_map["name"], _map["title"], _map["price"], _map["stock"]);
        _weightUnit = _map["weight"] is { } weight ? view.Attribute(weight)?.Unit : null;
        _additional = [.. _catalog.Attributes.Select(a => !mapped.Contains(a.Code))];
        _codes = [.. _catalog.Attributes.Select(a => JsonWriting.TryEncode(a.Code, Encoder))];
        _noVariant = new VariantLevels(this, null);
        _everyLevel = new Level(this, _ => true);
        _groups = new ModelBatches(WriteGroup, mode);
        _associations = new WebAssociations(channel.Web?.Associations);
        _json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = Encoder });
        FileName = ChannelWriters.FileName(channel);
    }

    public string FileName { get; }

    public void Write(ProductRecord record) => _groups.Add(record);

    public void WriteRemoval(string sku, string? model)
    {
        if (!_groups.IsFirstRemoval(model))
        {
            return;
        }

        _json.WriteStartObject();
        if (model is null)
        {
            _json.WriteString(Names.Type, Names.Product);
            _json.WriteString(Names.Sku, sku);
        }
        else
        {
            _json.WriteString(Names.Type, Names.ProductGroup);
            _json.WriteString(Names.ProductGroupId, model);
        }

        _json.WriteBoolean(Names.Removed, true);
        _json.WriteEndObject();
        EndLine();
    }

    public async ValueTask DisposeAsync()
    {
        _groups.Flush();
        await _json.DisposeAsync().ConfigureAwait(false);
        await _output.DisposeAsync().ConfigureAwait(false);
    }

    private void WriteGroup(IReadOnlyList<ProductRecord> records)
    {
        var first = records[0];
        _json.WriteStartObject();
        _json.WriteString(Names.Context, Names.SchemaOrg);
        if (first.Parent is null)
        {
            WriteProduct(first, _everyLevel);
            _json.WriteEndObject();
            EndLine();
            return;
        }

        var levels = LevelsOf(first.Family);
        _json.WriteString(Names.Type, Names.ProductGroup);
        _json.WriteString(Names.ProductGroupId, first.Parent);
        _json.WriteOptional(Names.Name, levels.AtModelLevel.Name ? Text(first, _name) : null);
        WriteProperties(first, levels.AtModelLevel);
        _json.WriteStartArray(Names.VariesBy);
        foreach (var axis in levels.Axes)
        {
            _json.WriteStringValue(axis);
        }

        _json.WriteEndArray();
        WriteAdditional(first, levels.AtModelLevel);
        _json.WriteStartArray(Names.HasVariant);
        foreach (var record in records)
        {
            _json.WriteStartObject();
            WriteProduct(record, levels.AtVariantLevel);
            _json.WriteEndObject();
        }

        _json.WriteEndArray();
        _json.WriteEndObject();
        EndLine();
    }

    /// <summary>The properties of a product from the attributes at its level (every attribute, for a product without a model).</summary>
    private void WriteProduct(ProductRecord record, Level atLevel)
    {
        _json.WriteString(Names.Type, Names.Product);
        _json.WriteString(Names.Sku, record.Sku);
        var name = Text(record, _title) ?? (atLevel.Name ? Text(record, _name) : null);
        _json.WriteOptional(Names.Name, name);
        WriteProperties(record, atLevel);
        WriteOffer(record);
        WriteAdditional(record, atLevel);
        _associations.Write(_json, record);
    }

    private void WriteProperties(ProductRecord record, Level atLevel)
    {
        for (var p = 0; p < Properties.Length; p++)
        {
            if (!atLevel.Properties[p] || _sources[p] is not { } source || Text(record, source) is not { } text)
            {
                continue;
            }

            switch (p)
            {
                case BrandProperty:
                    _json.WriteStartObject(PropertyNames[p]);
                    _json.WriteString(Names.Type, Names.Brand);
                    _json.WriteString(Names.Name, text);
                    _json.WriteEndObject();
                    break;
                case WeightProperty when _view.Number(record, source) is { } weight:
                    _json.WriteStartObject(PropertyNames[p]);
                    _json.WriteString(Names.Type, Names.QuantitativeValue);
                    _json.WriteNumber(Names.Value, weight);
                    var unit = _view.ResolveCell(record, source).Unit ?? _weightUnit;
                    if (unit is not null && UnitCodes.TryGetValue(unit, out var unitCode))
                    {
                        _json.WriteString(Names.UnitCode, unitCode);
                    }
                    else if (unit is not null)
                    {
                        _json.WriteString(Names.UnitText, unit);
                    }

                    _json.WriteEndObject();
                    break;
                case WeightProperty:
                    break;
                default:
                    _json.WriteString(PropertyNames[p], text);
                    break;
            }
        }
    }

    private void WriteOffer(ProductRecord record)
    {
        var price = _view.Number(record, _price);
        var currency = _view.Channel.Currency ?? (_price is { } code ? _view.ResolveCell(record, code).Currency : null);
        if (price is null || currency is null)
        {
            return;
        }

        _json.WriteStartObject(Names.Offers);
        _json.WriteString(Names.Type, Names.Offer);
        _json.WriteNumber(Names.Price, price.Value);
        _json.WriteString(Names.PriceCurrency, currency);
        if (_view.Number(record, _stock) is { } stock)
        {
            _json.WriteString(Names.Availability, stock > 0 ? Names.InStock : Names.OutOfStock);
        }

        _json.WriteEndObject();
    }

    /// <summary>Attributes at the level that no schema.org property takes, as <c>PropertyValue</c>s.</summary>
    private void WriteAdditional(ProductRecord record, Level atLevel)
    {
        var started = false;
        var attributes = _catalog.Attributes;
        for (var i = 0; i < attributes.Count; i++)
        {
            if (!atLevel.Additional[i] || _view.Presented(record, i) is not { } data)
            {
                continue;
            }

            if (!started)
            {
                _json.WriteStartArray(Names.AdditionalProperty);
                started = true;
            }

            _json.WriteStartObject();
            _json.WriteString(Names.Type, Names.PropertyValue);
            if (_codes[i] is { } code)
            {
                _json.WriteString(Names.Name, code);
            }
            else
            {
                _json.WriteString(Names.Name, attributes[i].Code);
            }

            _json.WritePropertyName(Names.Value);
            ChannelView.WriteValue(_json, attributes[i], data);
            _json.WriteEndObject();
        }

        if (started)
        {
            _json.WriteEndArray();
        }
    }

    /// <summary>The levels of <paramref name="family"/>'s variant, worked out once per family for the writer (the catalog does not change while it writes).</summary>
    private VariantLevels LevelsOf(string? family)
    {
        if (family is null)
        {
            return _noVariant;
        }

        if (!_levels.TryGetValue(family, out var levels))
        {
            levels = _catalog.FindFamilyVariant(family) is { } variant ? new VariantLevels(this, variant) : _noVariant;
            _levels.Add(family, levels);
        }

        return levels;
    }

    private string? Text(ProductRecord record, string? field) => field is null ? null : _view.Text(record, field);

    private void EndLine()
    {
        _json.Flush();
        _json.Reset();
        _output.WriteByte((byte)'\n');
    }

    /// <summary>A family variant's axes (as <c>variesBy</c> lists them) and what a group's writing writes at the model and at the variant level.</summary>
    private sealed class VariantLevels
    {
        public VariantLevels(WebJsonWriter writer, FamilyVariantDefinition? variant)
        {
            var variantLevel = variant?.VariantAttributes.ToHashSet(StringComparer.Ordinal) ?? [];
            Axes = [.. (variant?.Axes ?? []).Select(axis => axis == writer._map["color"] ? "https://schema.org/color" : axis == writer._map["size"] ? "https://schema.org/size" : axis)];
            AtModelLevel = new Level(writer, a => !variantLevel.Contains(a));
            AtVariantLevel = new Level(writer, variantLevel.Contains);
        }

        public string[] Axes { get; }

        public Level AtModelLevel { get; }

        public Level AtVariantLevel { get; }
    }

    /// <summary>What a product's document takes at one level (its model's, its variants', every one): worked out once per family and level.</summary>
    private sealed class Level
    {
        public Level(WebJsonWriter writer, Func<string, bool> atLevel)
        {
            Name = writer._name is { } name && atLevel(name);
            Properties = [.. writer._sources.Select(source => source is not null && atLevel(source))];
            Additional = [.. writer._catalog.Attributes.Select((a, i) => writer._additional[i] && atLevel(a.Code))];
        }

        /// <summary>Whether the name's field is at this level (a variant's title comes first, at any level).</summary>
        public bool Name { get; }

        /// <summary>By index of <c>Properties</c>: whether the property's field is at this level.</summary>
        public bool[] Properties { get; }

        /// <summary>By catalog attribute: whether it is written under <c>additionalProperty</c> at this level.</summary>
        public bool[] Additional { get; }
    }

    /// <summary>The names and constant values of a document, encoded once with the writers' encoder.</summary>
    private static class Names
    {
        public static readonly JsonEncodedText Type = Encode("@type");
        public static readonly JsonEncodedText Context = Encode("@context");
        public static readonly JsonEncodedText Sku = Encode("sku");
        public static readonly JsonEncodedText Name = Encode("name");
        public static readonly JsonEncodedText Value = Encode("value");
        public static readonly JsonEncodedText UnitCode = Encode("unitCode");
        public static readonly JsonEncodedText UnitText = Encode("unitText");
        public static readonly JsonEncodedText ProductGroupId = Encode("productGroupID");
        public static readonly JsonEncodedText Removed = Encode("removed");
        public static readonly JsonEncodedText VariesBy = Encode("variesBy");
        public static readonly JsonEncodedText HasVariant = Encode("hasVariant");
        public static readonly JsonEncodedText Offers = Encode("offers");
        public static readonly JsonEncodedText Price = Encode("price");
        public static readonly JsonEncodedText PriceCurrency = Encode("priceCurrency");
        public static readonly JsonEncodedText Availability = Encode("availability");
        public static readonly JsonEncodedText AdditionalProperty = Encode("additionalProperty");
        public static readonly JsonEncodedText Product = Encode("Product");
        public static readonly JsonEncodedText ProductGroup = Encode("ProductGroup");
        public static readonly JsonEncodedText Brand = Encode("Brand");
        public static readonly JsonEncodedText QuantitativeValue = Encode("QuantitativeValue");
        public static readonly JsonEncodedText Offer = Encode("Offer");
        public static readonly JsonEncodedText PropertyValue = Encode("PropertyValue");
        public static readonly JsonEncodedText SchemaOrg = Encode("https://schema.org");
        public static readonly JsonEncodedText InStock = Encode("https://schema.org/InStock");
        public static readonly JsonEncodedText OutOfStock = Encode("https://schema.org/OutOfStock");

        private static JsonEncodedText Encode(string text) => JsonEncodedText.Encode(text, Encoder);
    }
}
