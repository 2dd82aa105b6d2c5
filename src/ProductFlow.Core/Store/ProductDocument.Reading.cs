using System.Text.Json;
using ProductFlow.Model;

namespace ProductFlow.Store;

/// <summary>Reading a stored document back into a record (<see cref="Read"/>): one forward pass, sharing what the last document read had.</summary>
public sealed partial class ProductDocument
{
    // Values read back from the store: their lineage is in the version's lineage blob, not in the document.
    private static readonly ValueOrigin Stored = ValueOrigin.FromRule("store");

    [ThreadStatic]
    private static List<ValueCell>? _reading; // the values of the document being read, before its record exists

    [ThreadStatic]
    private static IReadOnlyList<string>? _lastCategories; // the categories of the last document read, which its record shares

    public static ProductRecord Read(ReadOnlySpan<byte> content)
    {
        // One forward pass with Utf8JsonReader (no JsonDocument, no lookups by name): channels read every stored document.
        var reader = new Utf8JsonReader(content);
        Next(ref reader, JsonTokenType.StartObject);
        string? sku = null, parent = null, family = null, familyVariant = null;
        var enabled = false;
        var model = false;
        IReadOnlyList<string> categories = [], groups = [];
        var values = _reading ??= [];
        values.Clear();
        List<ProductAssociation>? associations = null;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("values"u8))
            {
                Next(ref reader, JsonTokenType.StartArray);
                while (Next(ref reader) == JsonTokenType.StartObject)
                {
                    values.Add(ReadValue(ref reader, content, values.Count));
                }
            }
            else if (reader.ValueTextEquals("sku"u8))
            {
                sku = Text(ref reader);
            }
            else if (reader.ValueTextEquals("parent"u8))
            {
                parent = Text(ref reader);
            }
            else if (reader.ValueTextEquals("family"u8))
            {
                family = Text(ref reader);
            }
            else if (reader.ValueTextEquals("model"u8))
            {
                Next(ref reader);
                model = reader.GetBoolean();
            }
            else if (reader.ValueTextEquals("familyVariant"u8))
            {
                familyVariant = Text(ref reader);
            }
            else if (reader.ValueTextEquals("enabled"u8))
            {
                Next(ref reader);
                enabled = reader.GetBoolean();
            }
            else if (reader.ValueTextEquals("categories"u8))
            {
                categories = _lastCategories = ReadStrings(ref reader, _lastCategories ?? []);
            }
            else if (reader.ValueTextEquals("groups"u8))
            {
                groups = ReadStrings(ref reader, []);
            }
            else if (reader.ValueTextEquals("associations"u8))
            {
                Next(ref reader, JsonTokenType.StartArray);
                while (Next(ref reader) == JsonTokenType.StartObject)
                {
                    (associations ??= []).Add(ReadAssociation(ref reader));
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        var record = new ProductRecord(sku ?? throw new JsonException("a stored document without 'sku'"))
        {
            Parent = parent, Family = family, Enabled = enabled, IsModel = model, FamilyVariant = familyVariant,
        };
        record.Categories = categories;

        record.Values.AddRange(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(values));
        values.Clear(); // holds no record's values once read

        record.Groups = groups;
        record.Associations = (IReadOnlyList<ProductAssociation>?)associations ?? [];

        return record;
    }

    /// <summary>
    /// A list of strings; <paramref name="last"/> itself when it has the same ones (the documents of a channel's order repeat a model's
    /// categories), else a new list. A record's lists are not changed in place, so records share them.
    /// </summary>
    private static IReadOnlyList<string> ReadStrings(ref Utf8JsonReader reader, IReadOnlyList<string> last)
    {
        Next(ref reader, JsonTokenType.StartArray);
        List<string>? strings = null;
        var count = 0;
        while (Next(ref reader) == JsonTokenType.String)
        {
            if (strings is null && count < last.Count && reader.ValueTextEquals(last[count]))
            {
                count++;
                continue;
            }

            strings ??= [.. last.Take(count)];
            strings.Add(StoredNames.At(ref reader));
            count++;
        }

        if (strings is null && count == last.Count)
        {
            return last;
        }

        return (IReadOnlyList<string>?)strings ?? (count == 0 ? [] : [.. last.Take(count)]);
    }

    private static ProductAssociation ReadAssociation(ref Utf8JsonReader reader)
    {
        string? type = null, target = null, code = null;
        int? quantity = null;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                type = Name(ref reader);
            }
            else if (reader.ValueTextEquals("target"u8))
            {
                target = Name(ref reader);
            }
            else if (reader.ValueTextEquals("code"u8))
            {
                code = Text(ref reader);
            }
            else if (reader.ValueTextEquals("quantity"u8))
            {
                Next(ref reader);
                quantity = reader.GetInt32();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new ProductAssociation(
            type ?? throw new JsonException("a stored association without 'type'"),
            ProductAssociation.ParseTarget(target) ?? throw new JsonException($"a stored association with target '{target}'"),
            code ?? throw new JsonException("a stored association without 'code'"))
        { Quantity = quantity };
    }

    private static ValueCell ReadValue(ref Utf8JsonReader reader, ReadOnlySpan<byte> content, int index)
    {
        string? attribute = null, locale = null, channel = null, currency = null, data = null;
        var start = (int)reader.TokenStartIndex; // the value's '{'
        JsonTokenType token;
        var names = 0; // the names read before the data, or -1 once the value's names cannot be kept (StoredSlots)
        var dataAt = -1; // where the data begins
        if (StoredSlots.Known(content, start, index, out var tokens) is { } known)
        {
            // The names of the last document's value here, byte for byte: they read as they did, so the reader passes over them.
            for (var t = 0; t < tokens; t++)
            {
                reader.Read();
            }

            data = Next(ref reader) == JsonTokenType.Null ? null : StoredTexts.At(ref reader, index);
            if (Next(ref reader) == JsonTokenType.EndObject && data is not null)
            {
                return new ValueCell(known, data, unit: null, Stored);
            }

            // More after the data: read on as any value, from the names the bytes gave.
            (attribute, locale, channel, currency) = (known.Attribute, known.Locale, known.Channel, known.Currency);
            token = reader.TokenType;
            names = -1;
        }
        else
        {
            token = Next(ref reader);
        }

        for (; token == JsonTokenType.PropertyName; token = Next(ref reader))
        {
            if (dataAt >= 0)
            {
                names = -1; // a name after the data
            }

            if (reader.ValueTextEquals("attribute"u8))
            {
                attribute = Name(ref reader);
            }
            else if (reader.ValueTextEquals("data"u8))
            {
                var isNull = Next(ref reader) == JsonTokenType.Null;
                dataAt = (int)reader.TokenStartIndex;
                data = isNull ? null : StoredTexts.At(ref reader, index);
                continue;
            }
            else if (reader.ValueTextEquals("locale"u8))
            {
                locale = Name(ref reader);
            }
            else if (reader.ValueTextEquals("channel"u8))
            {
                channel = Name(ref reader);
            }
            else if (reader.ValueTextEquals("currency"u8))
            {
                currency = Name(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
                names = -1;
                continue;
            }

            names = names < 0 ? -1 : names + 1;
        }

        var slot = ValueSlot.Of(attribute ?? throw new JsonException("a stored value without 'attribute'"), locale, channel, currency);
        if (data is null)
        {
            throw new JsonException($"the stored value of '{attribute}' has no 'data'");
        }

        if (names >= 0)
        {
            // Each name a property and its text, then the data's property: the tokens the reader reads past next time.
            StoredSlots.Keep(index, content[start..dataAt], (2 * names) + 1, slot);
        }

        return new ValueCell(slot, data, unit: null, Stored);
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new JsonException("a stored document ends early");

    private static void Next(ref Utf8JsonReader reader, JsonTokenType expected)
    {
        if (Next(ref reader) != expected)
        {
            throw new JsonException($"a stored document has {reader.TokenType} where {expected} belongs");
        }
    }

    private static string? Text(ref Utf8JsonReader reader) => Next(ref reader) == JsonTokenType.Null ? null : reader.GetString();

    /// <summary>An attribute, locale, channel or currency: a small vocabulary, so one string per name and thread (<see cref="StoredNames"/>).</summary>
    private static string? Name(ref Utf8JsonReader reader) => Next(ref reader) == JsonTokenType.Null ? null : StoredNames.At(ref reader);
}
