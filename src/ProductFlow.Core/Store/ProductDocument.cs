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
public sealed class ProductDocument
{
    private static readonly Comparison<ProductValue> ValueOrder = (a, b) =>
    {
        var c = string.CompareOrdinal(a.Attribute, b.Attribute);
        c = c != 0 ? c : string.CompareOrdinal(a.Locale, b.Locale);
        c = c != 0 ? c : string.CompareOrdinal(a.Channel, b.Channel);
        return c != 0 ? c : string.CompareOrdinal(a.Currency, b.Currency);
    };

    private readonly ArrayBufferWriter<byte> _content = new(4096);
    private readonly ArrayBufferWriter<byte> _lineage = new(4096);
    private readonly List<ProductValue> _sorted = [];
    private string? _source;

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
        _sorted.AddRange(record.Values);
        _sorted.Sort(ValueOrder);

        _content.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_content))
        {
            WriteContent(writer, record);
        }

        _lineage.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_lineage))
        {
            WriteLineage(writer, record);
        }

        Hash = SHA256.HashData(_content.WrittenSpan);
    }

    public static ProductRecord Read(ReadOnlySpan<byte> content)
    {
        var reader = new Utf8JsonReader(content);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        var record = new ProductRecord(root.GetProperty("sku").GetString()!)
        {
            Parent = Optional(root, "parent"),
            Family = Optional(root, "family"),
            Enabled = root.GetProperty("enabled").GetBoolean(),
        };
        foreach (var category in root.GetProperty("categories").EnumerateArray())
        {
            record.Categories.Add(category.GetString()!);
        }

        var stored = ValueOrigin.FromRule("store");
        foreach (var value in root.GetProperty("values").EnumerateArray())
        {
            record.Values.Add(new ProductValue(
                value.GetProperty("attribute").GetString()!,
                Optional(value, "locale"),
                Optional(value, "channel"),
                value.GetProperty("data").GetString()!,
                stored)
            { Currency = Optional(value, "currency") });
        }

        return record;
    }

    private void WriteContent(Utf8JsonWriter writer, ProductRecord record)
    {
        writer.WriteStartObject();
        writer.WriteString("sku", record.Sku);
        writer.WriteOptional("parent", record.Parent);
        writer.WriteOptional("family", record.Family);
        writer.WriteStrings("categories", record.Categories);
        writer.WriteBoolean("enabled", record.Enabled);
        writer.WriteStartArray("values");
        foreach (var value in _sorted)
        {
            writer.WriteStartObject();
            writer.WriteString("attribute", value.Attribute);
            writer.WriteOptional("locale", value.Locale);
            writer.WriteOptional("channel", value.Channel);
            writer.WriteOptional("currency", value.Currency);
            writer.WriteString("data", value.Data);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private void WriteLineage(Utf8JsonWriter writer, ProductRecord record)
    {
        // The defaults: the record's own line, or else the first cell's; values of other sources name theirs.
        var cell = _sorted.Find(v => v.Origin.Feed is not null)?.Origin;
        var (feed, line) = record.Feed is not null ? (record.Feed, (long?)record.Line) : (cell?.Feed, cell?.Line);
        LineageJson.Write(writer, _sorted, feed, line, _source ?? _sorted.FirstOrDefault()?.Origin.Source);
    }

    private static string? Optional(JsonElement element, string name) =>
        element.TryGetProperty(name, out var property) ? property.GetString() : null;
}
