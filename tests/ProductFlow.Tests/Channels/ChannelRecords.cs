using System.Text;
using ProductFlow.Catalog;
using ProductFlow.Channels;
using ProductFlow.Connectors;
using ProductFlow.Mapping;
using ProductFlow.Model;
using ProductFlow.Pipelines;
using ProductFlow.Rules;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Channels;

/// <summary>Records on the demo catalog (<c>schemas/catalog.json</c>) for the channel writers, and a way to run a writer over them.</summary>
internal static class ChannelRecords
{
    private static readonly Lazy<ProductCatalog> DemoCatalog = new(() => CatalogLoader.Load(TestPaths.InRepository("schemas", "catalog.json")));

    public static ProductCatalog Catalog => DemoCatalog.Value;

    public static ChannelDefinition Channel(string code) => Catalog.FindChannel(code) ?? throw new InvalidOperationException($"the demo catalog has no channel '{code}'");

    /// <summary>A variant of <paramref name="model"/> with the values a demo feed row gives, model-level ones included.</summary>
    public static ProductRecord Variant(string sku, string model, string color, string size, string price = "19.9", string? stock = "12")
    {
        var record = new ProductRecord(sku) { Parent = model, Family = "tshirts", Feed = "feed.csv", Line = 2 };
        record.Categories = ["apparel", "apparel_tshirts"];
        Add(record, "name", "Classic Tee", "en_US");
        Add(record, "name", "Klassisches T-Shirt", "de_DE");
        Add(record, "brand", "Northwind Apparel");
        Add(record, "material", "100% cotton", "en_US");
        Add(record, "color", color);
        Add(record, "size", size);
        Add(record, "title", $"Northwind Apparel Classic Tee – {char.ToUpperInvariant(color[0])}{color[1..]}", "en_US");
        Add(record, "description", $"Classic Tee in {color}, size {size.ToUpperInvariant()}.", "en_US");
        record.Values.Add(new ProductValue("price", null, null, price, ValueOrigin.FromRule("test")) { Currency = "EUR" });
        record.Values.Add(new ProductValue("weight", null, null, "0.18", ValueOrigin.FromRule("test")) { Unit = "kg" });
        Add(record, "gtin", "4006381001007");
        Add(record, "image", $"https://cdn.example.com/products/{model.ToLowerInvariant()}/{color}.jpg");
        if (stock is not null)
        {
            Add(record, "stock", stock);
        }

        return record;
    }

    /// <summary>A product without a model, with only some values.</summary>
    public static ProductRecord Single(string sku, params (string Attribute, string Data)[] values)
    {
        var record = new ProductRecord(sku) { Family = "tshirts", Feed = "feed.csv", Line = 9 };
        foreach (var (attribute, data) in values)
        {
            Add(record, attribute, data, Catalog.FindAttribute(attribute)?.Localizable == true ? "en_US" : null);
        }

        return record;
    }

    /// <summary>Sets (replaces) a value of <paramref name="record"/>.</summary>
    public static ProductRecord With(this ProductRecord record, string attribute, string data, string? locale = "en_US")
    {
        var scoped = Catalog.FindAttribute(attribute)?.Localizable == true ? locale : null;
        var existing = record.Values.Where(v => v.Attribute == attribute && v.Locale == scoped).ToList();
        foreach (var value in existing)
        {
            record.Values.Remove(value);
        }

        Add(record, attribute, data, scoped);
        return record;
    }

    /// <summary>Writes <paramref name="records"/> (in the given order) to the channel <paramref name="code"/>, then the removals; returns the file's bytes.</summary>
    public static async Task<byte[]> WriteAsync(string code, IEnumerable<ProductRecord> records, ExportMode mode = ExportMode.Full, params (string Sku, string? Model)[] removals) =>
        await WriteAsync(Channel(code), records, mode, removals);

    public static async Task<byte[]> WriteAsync(ChannelDefinition channel, IEnumerable<ProductRecord> records, ExportMode mode = ExportMode.Full, params (string Sku, string? Model)[] removals)
    {
        var stream = new MemoryStream();
        var writer = ChannelWriters.Create(channel, Catalog, stream, mode);
        await using (writer)
        {
            foreach (var record in records)
            {
                writer.Write(record);
            }

            foreach (var (sku, model) in removals)
            {
                writer.WriteRemoval(sku, model);
            }
        }

        return stream.ToArray();
    }

    public static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    /// <summary>The records the demo feed gives after mapping and rules (rejected rows left out), in a writer's order: by model, then SKU.</summary>
    public static async Task<List<ProductRecord>> DemoAsync()
    {
        var pipeline = PipelineLoader.Load(TestPaths.InRepository("pipelines", "demo.json"));
        var mapper = new FeedMapper(pipeline.Definition.Mapping);
        using var rules = RuleSet.Create(pipeline, ChannelRules.For);
        var source = new FeedSource(TestPaths.InRepository("samples", "supplier-apparel.csv")) { Delimiter = ',', RequiredColumns = mapper.RequiredColumns };
        var records = new List<ProductRecord>();
        await foreach (var row in FeedReaders.For("csv").ReadAsync(source))
        {
            MappedRecord mapped = mapper.Map(row);
            rules.Apply(mapped);
            if (!mapped.IsRejected)
            {
                records.Add(mapped.Record);
            }
        }

        return records.OrderBy(r => r.Parent ?? r.Sku, StringComparer.Ordinal).ThenBy(r => r.Sku, StringComparer.Ordinal).ToList();
    }

    private static void Add(ProductRecord record, string attribute, string data, string? locale = null) =>
        record.Values.Add(new ProductValue(attribute, locale, null, data, ValueOrigin.FromRule("test")));
}
