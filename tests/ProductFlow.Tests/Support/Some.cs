using ProductFlow.Catalog;
using ProductFlow.Connectors;
using ProductFlow.Mapping;
using ProductFlow.Model;

namespace ProductFlow.Tests.Support;

/// <summary>Small, valid test data: records, rows and a catalog, changed by the test where it matters.</summary>
internal static class Some
{
    public static readonly FeedHeader Header = new(["sku", "name", "price"], ',');

    /// <summary>The channels a test record is checked for, as a run's notes say: the ones the tests publish.</summary>
    public static readonly IReadOnlyList<string> Channels = ["b2b", "google", "outlet", "partner", "shopify", "web"];

    /// <summary>A record checked for <see cref="Channels"/> without issues (a channel only publishes what its rules ran for).</summary>
    public static ProductRecord Record(string sku = "SKU-1", params (string Attribute, string Data)[] values)
    {
        var record = new ProductRecord(sku) { Feed = "feed.csv", Line = 2, Family = "tshirts", Notes = new ProductNotes(Channels, []) };
        foreach (var (attribute, data) in values)
        {
            record.Values.Add(Value(attribute, data));
        }

        return record;
    }

    public static ProductValue Value(string attribute, string data, string? locale = null, string column = "col") =>
        new(attribute, locale, null, data, ValueOrigin.FromCell("feed.csv", 2, column));

    public static MappedRecord Mapped(ProductRecord record) =>
        new(new SourceRow(record.Feed ?? "feed.csv", record.Line, Header, ["x", "y", "z"]), record);

    public static ProductCatalog Catalog() => new()
    {
        Locales = ["en_US", "de_DE"],
        Currencies = ["EUR"],
        Attributes =
        [
            new AttributeDefinition { Code = "name", Type = AttributeType.Text, Localizable = true },
            new AttributeDefinition { Code = "price", Type = AttributeType.Price },
            new AttributeDefinition { Code = "weight", Type = AttributeType.Number },
            new AttributeDefinition { Code = "color", Type = AttributeType.Select, Options = ["black", "white"] },
            new AttributeDefinition { Code = "tags", Type = AttributeType.MultiSelect, Options = ["new", "sale"] },
            new AttributeDefinition { Code = "organic", Type = AttributeType.Boolean },
            new AttributeDefinition { Code = "launch", Type = AttributeType.Date },
            new AttributeDefinition { Code = "image", Type = AttributeType.Url },
            new AttributeDefinition { Code = "picture", Type = AttributeType.Media },
            new AttributeDefinition { Code = "gtin", Type = AttributeType.Identifier },
            new AttributeDefinition { Code = "brand", Type = AttributeType.Text },
            new AttributeDefinition { Code = "title", Type = AttributeType.Text, Localizable = true },
            new AttributeDefinition { Code = "taxonomy", Type = AttributeType.Text, Scopable = true },
            new AttributeDefinition { Code = "net_weight", Type = AttributeType.Metric, MetricFamily = "mass", Unit = "kg" },
            new AttributeDefinition { Code = "max_temp", Type = AttributeType.Metric, MetricFamily = "temperature", Unit = "°C" },
        ],
        Channels =
        [
            new ChannelDefinition
            {
                Code = "partner", Kind = "partner-csv", Locale = "en_US", Currency = "EUR", Delimiter = ";",
                Columns =
                [
                    new ChannelColumn { Header = "SKU", Value = "sku" },
                    new ChannelColumn { Header = "Title", Value = "name" },
                    new ChannelColumn { Header = "Price", Value = "price" },
                ],
            },
        ],
    };
}
