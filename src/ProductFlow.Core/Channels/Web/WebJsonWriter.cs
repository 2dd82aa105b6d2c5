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
    private readonly List<(AttributeDefinition Attribute, string Data)> _values = []; // reused by WriteAdditional, record after record
    private readonly ProductCatalog _catalog;
    private readonly FieldMap _map;
    private readonly HashSet<string> _mapped;
    private readonly ModelBatches _groups;
    private readonly WebAssociations _associations;
    private readonly Dictionary<string, VariantLevels> _levels = new(StringComparer.Ordinal); // by family: a publish writes many models of few families

    public WebJsonWriter(ChannelView view, Stream output, ExportMode mode)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(output);
        var channel = view.Channel;
        _output = output;
        _catalog = view.Catalog;
        _view = view;
        _map = new FieldMap(DefaultAttributes, channel.Web?.Attributes);
        _mapped = _map.Sources.ToHashSet(StringComparer.Ordinal);
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
            WriteProduct(first, _ => true);
            _json.WriteEndObject();
            EndLine();
            return;
        }

        var levels = LevelsOf(first.Family);
        var variantLevel = levels.VariantLevel;
        _json.WriteString(Names.Type, Names.ProductGroup);
        _json.WriteString(Names.ProductGroupId, first.Parent);
        _json.WriteOptional(Names.Name, IsModelLevel(_map["name"], variantLevel) ? Text(first, _map["name"]) : null);
        WriteProperties(first, levels.AtModelLevel);
        _json.WriteStartArray(Names.VariesBy);
        foreach (var axis in levels.Axes)
        {
            _json.WriteStringValue(axis == _map["color"] ? "https://schema.org/color" : axis == _map["size"] ? "https://schema.org/size" : axis);
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
    private void WriteProduct(ProductRecord record, Func<string, bool> atLevel)
    {
        _json.WriteString(Names.Type, Names.Product);
        _json.WriteString(Names.Sku, record.Sku);
        var name = Text(record, _map["title"]) ?? (_map["name"] is { } code && atLevel(code) ? Text(record, code) : null);
        _json.WriteOptional(Names.Name, name);
        WriteProperties(record, atLevel);
        WriteOffer(record);
        WriteAdditional(record, atLevel);
        _associations.Write(_json, record);
    }

    private void WriteProperties(ProductRecord record, Func<string, bool> atLevel)
    {
        for (var p = 0; p < Properties.Length; p++)
        {
            var property = Properties[p];
            if (_map[property] is not { } source || !atLevel(source) || Text(record, source) is not { } text)
            {
                continue;
            }

            switch (property)
            {
                case "brand":
                    _json.WriteStartObject(PropertyNames[p]);
                    _json.WriteString(Names.Type, Names.Brand);
                    _json.WriteString(Names.Name, text);
                    _json.WriteEndObject();
                    break;
                case "weight" when _view.Number(record, source) is { } weight:
                    _json.WriteStartObject(PropertyNames[p]);
                    _json.WriteString(Names.Type, Names.QuantitativeValue);
                    _json.WriteNumber(Names.Value, weight);
                    var unit = _view.Resolve(record, source)?.Unit ?? _view.Attribute(source)?.Unit;
                    if (unit is not null)
                    {
                        _json.WriteString(UnitCodes.ContainsKey(unit) ? "unitCode" : "unitText", UnitCodes.GetValueOrDefault(unit, unit));
                    }

                    _json.WriteEndObject();
                    break;
                case "weight":
                    break;
                default:
                    _json.WriteString(PropertyNames[p], text);
                    break;
            }
        }
    }

    private void WriteOffer(ProductRecord record)
    {
        var price = _view.Number(record, _map["price"]);
        var currency = _view.Channel.Currency ?? (_map["price"] is { } code ? _view.Resolve(record, code)?.Currency : null);
        if (price is null || currency is null)
        {
            return;
        }

        _json.WriteStartObject(Names.Offers);
        _json.WriteString(Names.Type, Names.Offer);
        _json.WriteNumber(Names.Price, price.Value);
        _json.WriteString(Names.PriceCurrency, currency);
        if (_view.Number(record, _map["stock"]) is { } stock)
        {
            _json.WriteString(Names.Availability, stock > 0 ? Names.InStock : Names.OutOfStock);
        }

        _json.WriteEndObject();
    }

    /// <summary>Attributes at the level that no schema.org property takes, as <c>PropertyValue</c>s.</summary>
    private void WriteAdditional(ProductRecord record, Func<string, bool> atLevel)
    {
        var started = false;
        _view.Values(record, _values);
        foreach (var (attribute, data) in _values)
        {
            if (_mapped.Contains(attribute.Code) || !atLevel(attribute.Code))
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
            _json.WriteString(Names.Name, attribute.Code);
            _json.WritePropertyName(Names.Value);
            ChannelView.WriteValue(_json, attribute, data);
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
            return VariantLevels.None;
        }

        if (!_levels.TryGetValue(family, out var levels))
        {
            levels = _catalog.FindFamilyVariant(family) is { } variant ? new VariantLevels(variant) : VariantLevels.None;
            _levels.Add(family, levels);
        }

        return levels;
    }

    private static bool IsModelLevel(string? attribute, HashSet<string> variantLevel) => attribute is not null && !variantLevel.Contains(attribute);

    private string? Text(ProductRecord record, string? field) => field is null ? null : _view.Text(record, field);

    private void EndLine()
    {
        _json.Flush();
        _json.Reset();
        _output.WriteByte((byte)'\n');
    }

    /// <summary>A family variant's axes and the attributes at a variant level, with the tests a group's writing passes down.</summary>
    private sealed class VariantLevels
    {
        public static readonly VariantLevels None = new(null);

        public VariantLevels(FamilyVariantDefinition? variant)
        {
            Axes = variant?.Axes.ToArray() ?? [];
            VariantLevel = variant?.VariantAttributes.ToHashSet(StringComparer.Ordinal) ?? [];
            AtModelLevel = a => !VariantLevel.Contains(a);
            AtVariantLevel = VariantLevel.Contains;
        }

        public string[] Axes { get; }

        public HashSet<string> VariantLevel { get; }

        public Func<string, bool> AtModelLevel { get; }

        public Func<string, bool> AtVariantLevel { get; }
    }

    /// <summary>The names and constant values of a document, encoded once with the writers' encoder.</summary>
    private static class Names
    {
        public static readonly JsonEncodedText Type = Encode("@type");
        public static readonly JsonEncodedText Context = Encode("@context");
        public static readonly JsonEncodedText Sku = Encode("sku");
        public static readonly JsonEncodedText Name = Encode("name");
        public static readonly JsonEncodedText Value = Encode("value");
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
