using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using ProductFlow.Json;
using ProductFlow.Model;

namespace ProductFlow.Store;

/// <summary>The stored form of a record: a canonical JSON document (hashed) and its lineage (not hashed).</summary>
/// <remarks>
/// Values are sorted by attribute, locale, channel and currency, so the same content always gives the same
/// bytes and the same SHA-256, whatever the column order of the feed. Lineage is aligned with the sorted values, one
/// blob per version (<see cref="LineageJson"/>). The source is lineage too: which source holds a value changes no content hash.
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001:Types that own disposable fields should be disposable", Justification = "Its writers write into its own buffers: disposing one only flushes it, and nothing is released.")]
public sealed class ProductDocument
{
    // Values read back from the store: their lineage is in the version's lineage blob, not in the document.
    private static readonly ValueOrigin Stored = ValueOrigin.FromRule("store");

    [ThreadStatic]
    private static List<ValueCell>? _reading; // the values of the document being read, before its record exists

    [ThreadStatic]
    private static IReadOnlyList<string>? _lastCategories; // the categories of the last document read, which its record shares

    private readonly ArrayBufferWriter<byte> _content = new(4096);
    private readonly ArrayBufferWriter<byte> _lineage = new(4096);

    // Kept with their buffers and reset for each record (a writer holds nothing to release).
    private readonly Utf8JsonWriter _contentWriter;
    private readonly Utf8JsonWriter _lineageWriter;
    private readonly List<ValueCell> _sorted = [];
    private readonly StoredValueOrder _order = new();
    private string? _source;

    public ProductDocument()
    {
        _contentWriter = new Utf8JsonWriter(_content);
        _lineageWriter = new Utf8JsonWriter(_lineage);
    }

    /// <summary>The canonical JSON of the last <see cref="Write"/>.</summary>
    public ReadOnlyMemory<byte> Content => _content.WrittenMemory;

    public ReadOnlyMemory<byte> Lineage => _lineage.WrittenMemory;

    public byte[] Hash { get; private set; } = [];

    /// <summary>Serialises <paramref name="record"/> into <see cref="Content"/>, <see cref="Lineage"/> and <see cref="Hash"/>; the buffers are reused.</summary>
    /// <param name="record">The record.</param>
    /// <param name="source">The source of the values whose origin names none (the values the run's feed set).</param>
    public void Write(ProductRecord record, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        _source = source;
        _sorted.Clear();
        var values = record.Values.Cells;
        foreach (var i in _order.Of(values))
        {
            _sorted.Add(values[i]);
        }

        _content.ResetWrittenCount();
        _contentWriter.Reset(_content);
        WriteContent(_contentWriter, record);
        _contentWriter.Flush();

        _lineage.ResetWrittenCount();
        _lineageWriter.Reset(_lineage);
        WriteLineage(_lineageWriter, record);
        _lineageWriter.Flush();

        Hash = SHA256.HashData(_content.WrittenSpan);
    }

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
                    values.Add(ReadValue(ref reader, values.Count));
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

    private static ValueCell ReadValue(ref Utf8JsonReader reader, int index)
    {
        string? attribute = null, locale = null, channel = null, currency = null, data = null;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("attribute"u8))
            {
                attribute = Name(ref reader);
            }
            else if (reader.ValueTextEquals("data"u8))
            {
                data = Next(ref reader) == JsonTokenType.Null ? null : StoredTexts.At(ref reader, index);
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
            }
        }

        return new ValueCell(
            ValueSlot.Of(attribute ?? throw new JsonException("a stored value without 'attribute'"), locale, channel, currency),
            data ?? throw new JsonException($"the stored value of '{attribute}' has no 'data'"),
            unit: null,
            Stored);
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

    private void WriteContent(Utf8JsonWriter writer, ProductRecord record)
    {
        // The names every document has are encoded once (Names); those of groups and associations, which few records have, are
        // written as strings, and so are the texts (a cache of the repeated ones cost more than it saved) and the values' attributes,
        // locales, channels and currencies (encoding them once per slot measured slower in the PostgreSQL store's bench).
        writer.WriteStartObject();
        writer.WriteString(Names.Sku, record.Sku);
        if (record.IsModel)
        {
            // Only models say so: a product's document (and its hash) is as it was before models existed.
            writer.WriteBoolean(Names.Model, true);
            writer.WriteOptional(Names.FamilyVariant, record.FamilyVariant);
        }

        writer.WriteOptional(Names.Parent, record.Parent);
        writer.WriteOptional(Names.Family, record.Family);
        writer.WriteStrings(Names.Categories, record.Categories);
        writer.WriteBoolean(Names.Enabled, record.Enabled);
        writer.WriteStartArray(Names.Values);
        foreach (var value in _sorted)
        {
            writer.WriteStartObject();
            writer.WriteString(Names.Attribute, value.Attribute);
            writer.WriteOptional(Names.Locale, value.Locale);
            writer.WriteOptional(Names.Channel, value.Channel);
            writer.WriteOptional(Names.Currency, value.Currency);
            writer.WriteString(Names.Data, value.Data);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        // Written only when there are some: documents of products without groups or associations stay as they were (same hash).
        if (record.Groups.Count > 0)
        {
            writer.WriteStrings("groups", record.Groups.Order(StringComparer.Ordinal));
        }

        if (record.Associations.Count > 0)
        {
            writer.WriteStartArray("associations");
            foreach (var association in record.Associations.Order(Comparer<ProductAssociation>.Create(ProductAssociation.Order)))
            {
                writer.WriteStartObject();
                writer.WriteString("type", association.Type);
                writer.WriteString("target", ProductAssociation.TargetName(association.Target));
                writer.WriteString("code", association.Code);
                if (association.Quantity is { } quantity)
                {
                    writer.WriteNumber("quantity", quantity);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private void WriteLineage(Utf8JsonWriter writer, ProductRecord record)
    {
        // The defaults: the record's own line, or else the first cell's; values of other sources name theirs.
        var sorted = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_sorted);
        var (feed, line) = record.Feed is not null ? (record.Feed, (long?)record.Line) : FirstCell(sorted);
        LineageJson.Write(writer, sorted, feed, line, _source ?? (sorted.Length > 0 ? sorted[0].OriginSource : null));
    }

    private static (string? Feed, long? Line) FirstCell(ReadOnlySpan<ValueCell> values)
    {
        foreach (ref readonly var value in values)
        {
            if (value.OriginFeed is not null)
            {
                return (value.OriginFeed, value.OriginLine);
            }
        }

        return (null, null);
    }

    /// <summary>The property names of a document, encoded once (ASCII letters: the same bytes with any encoder).</summary>
    private static class Names
    {
        public static readonly JsonEncodedText Sku = JsonEncodedText.Encode("sku");
        public static readonly JsonEncodedText Model = JsonEncodedText.Encode("model");
        public static readonly JsonEncodedText FamilyVariant = JsonEncodedText.Encode("familyVariant");
        public static readonly JsonEncodedText Parent = JsonEncodedText.Encode("parent");
        public static readonly JsonEncodedText Family = JsonEncodedText.Encode("family");
        public static readonly JsonEncodedText Categories = JsonEncodedText.Encode("categories");
        public static readonly JsonEncodedText Enabled = JsonEncodedText.Encode("enabled");
        public static readonly JsonEncodedText Values = JsonEncodedText.Encode("values");
        public static readonly JsonEncodedText Attribute = JsonEncodedText.Encode("attribute");
        public static readonly JsonEncodedText Locale = JsonEncodedText.Encode("locale");
        public static readonly JsonEncodedText Channel = JsonEncodedText.Encode("channel");
        public static readonly JsonEncodedText Currency = JsonEncodedText.Encode("currency");
        public static readonly JsonEncodedText Data = JsonEncodedText.Encode("data");
    }
}
