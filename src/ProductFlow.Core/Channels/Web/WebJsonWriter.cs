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
        // Letters of every script as they are; HTML-sensitive characters stay escaped, so a document can be embedded in a page.
        _json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) });
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
            _json.WriteString("@type", "Product");
            _json.WriteString("sku", sku);
        }
        else
        {
            _json.WriteString("@type", "ProductGroup");
            _json.WriteString("productGroupID", model);
        }

        _json.WriteBoolean("removed", true);
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
        _json.WriteString("@context", "https://schema.org");
        if (first.Parent is null)
        {
            WriteProduct(first, _ => true);
            _json.WriteEndObject();
            EndLine();
            return;
        }

        var levels = LevelsOf(first.Family);
        var variantLevel = levels.VariantLevel;
        _json.WriteString("@type", "ProductGroup");
        _json.WriteString("productGroupID", first.Parent);
        _json.WriteOptional("name", IsModelLevel(_map["name"], variantLevel) ? Text(first, _map["name"]) : null);
        WriteProperties(first, levels.AtModelLevel);
        _json.WriteStartArray("variesBy");
        foreach (var axis in levels.Axes)
        {
            _json.WriteStringValue(axis == _map["color"] ? "https://schema.org/color" : axis == _map["size"] ? "https://schema.org/size" : axis);
        }

        _json.WriteEndArray();
        WriteAdditional(first, levels.AtModelLevel);
        _json.WriteStartArray("hasVariant");
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
        _json.WriteString("@type", "Product");
        _json.WriteString("sku", record.Sku);
        var name = Text(record, _map["title"]) ?? (_map["name"] is { } code && atLevel(code) ? Text(record, code) : null);
        _json.WriteOptional("name", name);
        WriteProperties(record, atLevel);
        WriteOffer(record);
        WriteAdditional(record, atLevel);
        _associations.Write(_json, record);
    }

    private void WriteProperties(ProductRecord record, Func<string, bool> atLevel)
    {
        foreach (var property in Properties)
        {
            if (_map[property] is not { } source || !atLevel(source) || Text(record, source) is not { } text)
            {
                continue;
            }

            switch (property)
            {
                case "brand":
                    _json.WriteStartObject("brand");
                    _json.WriteString("@type", "Brand");
                    _json.WriteString("name", text);
                    _json.WriteEndObject();
                    break;
                case "weight" when _view.Number(record, source) is { } weight:
                    _json.WriteStartObject("weight");
                    _json.WriteString("@type", "QuantitativeValue");
                    _json.WriteNumber("value", weight);
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
                    _json.WriteString(property, text);
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

        _json.WriteStartObject("offers");
        _json.WriteString("@type", "Offer");
        _json.WriteNumber("price", price.Value);
        _json.WriteString("priceCurrency", currency);
        if (_view.Number(record, _map["stock"]) is { } stock)
        {
            _json.WriteString("availability", stock > 0 ? "https://schema.org/InStock" : "https://schema.org/OutOfStock");
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
                _json.WriteStartArray("additionalProperty");
                started = true;
            }

            _json.WriteStartObject();
            _json.WriteString("@type", "PropertyValue");
            _json.WriteString("name", attribute.Code);
            _json.WritePropertyName("value");
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
}
