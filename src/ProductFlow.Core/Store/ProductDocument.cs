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
public sealed partial class ProductDocument
{
    private readonly ArrayBufferWriter<byte> _content = new(4096);
    private readonly ArrayBufferWriter<byte> _lineage = new(4096);

    // Kept with their buffers and reset for each record (a writer holds nothing to release).
    private readonly Utf8JsonWriter _contentWriter;
    private readonly Utf8JsonWriter _lineageWriter;
    private readonly List<ValueCell> _sorted = [];
    private readonly StoredValueOrder _order = new();
    private readonly StoredValueWriter _values = new();
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

    private void WriteContent(Utf8JsonWriter writer, ProductRecord record)
    {
        // The names every document has are encoded once (Names); those of groups and associations, which few records have, are
        // written as strings, and so are the texts (a cache of the repeated ones cost more than it saved). A value's names are
        // written once per slot (StoredValueWriter).
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
            _values.Write(writer, value);
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
    }
}
