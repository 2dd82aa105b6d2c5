using ProductFlow.Catalog;
using ProductFlow.JsonSchema;
using ProductFlow.Model;
using ProductFlow.Primitives;

namespace ProductFlow.Rules;

/// <summary>A channel schema as checks on a record's channel view: each property the schema names is read from the view and
/// typed as <see cref="ChannelView.WriteJson"/> would write it, and checked without writing or parsing JSON.</summary>
/// <remarks>
/// Made from the channel's <see cref="FlatObjectSchema"/> (a schema of a simple, known set of keywords); <see cref="IsValid"/>
/// gives the verdict the validator gives the view's JSON. Typing follows <see cref="ChannelView.WriteValue"/>: number, price and
/// metric data that parses as a number is a number, boolean data <c>true</c>/<c>false</c> a boolean, multi-select data an array
/// of its non-empty codes, anything else a string (media under the channel's base URL); a record's <c>sku</c> is a string,
/// <c>parent</c> and <c>family</c> strings when set, <c>categories</c> an array, <c>enabled</c> a boolean; an absent value is no
/// property. Not made when an attribute code is one of those record fields (the JSON would hold the name twice).
/// Immutable; the view passed in carries the per-thread state.
/// </remarks>
internal sealed class ChannelSchemaChecks
{
    private static readonly string[] RecordFields = ["sku", "parent", "family", "categories", "enabled"];

    private readonly FlatObjectSchema _schema;
    private readonly Slot[] _slots;
    private readonly int[] _unnamedAttributes;
    private readonly bool _parentUnnamed;
    private readonly bool _familyUnnamed;

    private ChannelSchemaChecks(FlatObjectSchema schema, Slot[] slots, int[] unnamedAttributes, bool parentUnnamed, bool familyUnnamed)
    {
        _schema = schema;
        _slots = slots;
        _unnamedAttributes = unnamedAttributes;
        _parentUnnamed = parentUnnamed;
        _familyUnnamed = familyUnnamed;
    }

    private enum Source
    {
        None,
        Sku,
        Parent,
        Family,
        Categories,
        Enabled,
        Attribute,
    }

    /// <summary>The checks of <paramref name="schema"/> over <paramref name="catalog"/>'s views; <c>null</c> when the schema is not
    /// flat (<c>null</c>), an attribute code is a record field, or the schema refuses a field every record has.</summary>
    public static ChannelSchemaChecks? Create(FlatObjectSchema? schema, ProductCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (schema is null || catalog.Attributes.Any(a => RecordFields.Contains(a.Code, StringComparer.Ordinal)))
        {
            return null;
        }

        // sku, categories and enabled are in every view: a schema that refuses them unnamed refuses every record.
        if (!schema.AcceptsUnnamed && (schema.IndexOf("sku") < 0 || schema.IndexOf("categories") < 0 || schema.IndexOf("enabled") < 0))
        {
            return null;
        }

        var attributeIndex = catalog.Attributes.Select((a, i) => (a.Code, i)).ToDictionary(p => p.Code, p => p.i, StringComparer.Ordinal);
        var slots = schema.Names.Select((name, i) => name switch
        {
            "sku" => new Slot(Source.Sku, -1, default, schema.IsRequired(i)),
            "parent" => new Slot(Source.Parent, -1, default, schema.IsRequired(i)),
            "family" => new Slot(Source.Family, -1, default, schema.IsRequired(i)),
            "categories" => new Slot(Source.Categories, -1, default, schema.IsRequired(i)),
            "enabled" => new Slot(Source.Enabled, -1, default, schema.IsRequired(i)),
            _ when attributeIndex.TryGetValue(name, out var index) => new Slot(Source.Attribute, index, catalog.Attributes[index].Type, schema.IsRequired(i)),
            _ => new Slot(Source.None, -1, default, schema.IsRequired(i)),
        }).ToArray();
        var unnamed = schema.AcceptsUnnamed ? [] : attributeIndex.Where(p => schema.IndexOf(p.Key) < 0).Select(p => p.Value).Order().ToArray();
        return new ChannelSchemaChecks(schema, slots, unnamed, !schema.AcceptsUnnamed && schema.IndexOf("parent") < 0, !schema.AcceptsUnnamed && schema.IndexOf("family") < 0);
    }

    /// <summary>Whether the record's view of the channel satisfies the schema.</summary>
    public bool IsValid(ChannelView view, ProductRecord record)
    {
        for (var i = 0; i < _slots.Length; i++)
        {
            var slot = _slots[i];
            var valid = slot.Source switch
            {
                Source.Sku => _schema.AcceptsString(i, record.Sku),
                Source.Parent => record.Parent is { } parent ? _schema.AcceptsString(i, parent) : !slot.Required,
                Source.Family => record.Family is { } family ? _schema.AcceptsString(i, family) : !slot.Required,
                Source.Categories => AcceptsCategories(i, record.Categories),
                Source.Enabled => _schema.AcceptsBoolean(i, record.Enabled),
                Source.Attribute => view.Presented(record, slot.Attribute) is { } data ? AcceptsValue(i, slot.Type, data) : !slot.Required,
                _ => !slot.Required,
            };
            if (!valid)
            {
                return false;
            }
        }

        if ((_parentUnnamed && record.Parent is not null) || (_familyUnnamed && record.Family is not null))
        {
            return false;
        }

        foreach (var attribute in _unnamedAttributes)
        {
            if (view.Has(record, attribute))
            {
                return false;
            }
        }

        return true;
    }

    private bool AcceptsCategories(int index, IReadOnlyList<string> categories)
    {
        if (!_schema.AcceptsArray(index, categories.Count))
        {
            return false;
        }

        // By index: a foreach over the interface would allocate an enumerator per record.
        for (var i = 0; i < categories.Count; i++)
        {
            if (!_schema.AcceptsItem(index, categories[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>An attribute's data typed as <see cref="ChannelView.WriteValue"/> types it.</summary>
    private bool AcceptsValue(int index, AttributeType type, string data)
    {
        switch (type)
        {
            case AttributeType.Number or AttributeType.Price or AttributeType.Metric when CanonicalNumber.TryParse(data, out var number):
                return _schema.AcceptsNumber(index, number);
            case AttributeType.Boolean when data is "true" or "false":
                return _schema.AcceptsBoolean(index, data == "true");
            case AttributeType.MultiSelect:
                return AcceptsCodes(index, data);
            default:
                return _schema.AcceptsString(index, data);
        }
    }

    /// <summary>A multi-select's codes as the array <c>data.Split(',', RemoveEmptyEntries)</c> writes, without splitting.</summary>
    private bool AcceptsCodes(int index, string data)
    {
        var count = 0;
        foreach (var range in data.AsSpan().Split(','))
        {
            if (range.End.Value > range.Start.Value)
            {
                count++;
            }
        }

        if (!_schema.AcceptsArray(index, count))
        {
            return false;
        }

        foreach (var range in data.AsSpan().Split(','))
        {
            if (range.End.Value > range.Start.Value && !_schema.AcceptsItem(index, data.AsSpan()[range]))
            {
                return false;
            }
        }

        return true;
    }

    private readonly record struct Slot(Source Source, int Attribute, AttributeType Type, bool Required);
}
