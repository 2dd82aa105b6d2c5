using ProductFlow.Catalog;
using ProductFlow.Channels;
using ProductFlow.Pipelines;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Channels;

/// <summary>The per-kind options of catalog channels, as the catalog file writes them.</summary>
public class ChannelOptionsTests
{
    [Test]
    public void The_demo_catalog_declares_web_shopify_and_google_with_their_kinds_and_options()
    {
        var catalog = ChannelRecords.Catalog;

        Assert.That(catalog.Channels.Select(c => (c.Code, c.Kind)), Is.EqualTo(new[]
        {
            ("partner", "partner-csv"), ("web", "web-json"), ("shopify", "shopify-csv"), ("google", "google-merchant"),
        }));
        Assert.That(catalog.FindChannel("google")!.Google!.Link, Is.EqualTo("https://shop.example.com/p/{{ sku }}"));
        Assert.That(catalog.FindChannel("shopify")!.Shopify!.Attributes["inventory"], Is.EqualTo("stock"));
        Assert.That(catalog.Channels.Select(ChannelWriters.FileName), Is.EqualTo(new[] { "partner.csv", "web.jsonl", "shopify.csv", "google.xml" }));
        Assert.That(
            catalog.Channels.Skip(1).Select(c => (ChannelWriters.KindOf(c).Grouping, ChannelWriters.KindOf(c).Removals)),
            Is.EqualTo(new[] { (ChannelGrouping.Model, RemovalPolicy.Tombstone), (ChannelGrouping.Model, RemovalPolicy.Archive), (ChannelGrouping.Record, RemovalPolicy.FullOnly) }));
    }

    [Test]
    public void Unknown_mapped_fields_and_link_variables_are_reported_with_their_paths()
    {
        using var dir = new TempDirectory();
        var path = dir.File("catalog.json", """
            {
              "locales": ["en_US"], "currencies": ["EUR"],
              "attributes": [{ "code": "name", "type": "text" }, { "code": "price", "type": "price" }],
              "channels": [
                { "code": "web", "kind": "web-json", "locale": "en_US", "web": { "attributes": { "name": "title" } } },
                { "code": "shop", "kind": "shopify-csv", "locale": "en_US", "shopify": { "attributes": { "price": "price", "inventory": "" } } },
                { "code": "google", "kind": "google-merchant", "locale": "en_US",
                  "google": { "link": "https://x.example/{{ slug }}", "attributes": { "title": "name", "brand": "maker" } } }
              ]
            }
            """);

        var error = Assert.Throws<PipelineDefinitionException>(() => CatalogLoader.Load(path));

        Assert.That(error!.Problems.Select(p => (p.JsonPath, p.Message)), Is.EquivalentTo(new[]
        {
            ("$.channels[0].web.attributes.name", "unknown field 'title'"),
            ("$.channels[2].google.attributes.brand", "unknown field 'maker'"),
            ("$.channels[2].google.link", "unknown field 'slug'"),
        }));
    }

    [Test]
    public void A_filter_or_date_format_that_does_not_parse_is_reported_with_its_path()
    {
        using var dir = new TempDirectory();
        var path = dir.File("catalog.json", """
            {
              "locales": ["en_US"], "currencies": ["EUR"],
              "attributes": [{ "code": "stock", "type": "number" }],
              "channels": [
                { "code": "a", "kind": "partner-csv", "locale": "en_US", "filter": "stock >", "columns": [{ "header": "SKU", "value": "sku" }] },
                { "code": "b", "kind": "partner-csv", "locale": "en_US", "filter": "market = 'DE'", "dateFormat": "'x'", "columns": [{ "header": "SKU", "value": "sku" }] }
              ]
            }
            """);

        var error = Assert.Throws<PipelineDefinitionException>(() => CatalogLoader.Load(path));

        Assert.That(error!.Problems.Select(p => p.JsonPath), Is.EquivalentTo(new[] { "$.channels[0].filter", "$.channels[1].filter", "$.channels[1].dateFormat" }));
        Assert.That(error.Problems.Single(p => p.JsonPath == "$.channels[1].filter").Message, Is.EqualTo("unknown field 'market'"));
    }

    [Test]
    public void A_misspelt_option_or_format_is_a_schema_error()
    {
        using var dir = new TempDirectory();
        var path = dir.File("catalog.json", """
            {
              "locales": ["en_US"], "attributes": [{ "code": "name", "type": "text" }],
              "channels": [{ "code": "google", "kind": "google-merchant", "locale": "en_US", "google": { "format": "csv", "attributes": { "titel": "name" } } }]
            }
            """);

        var error = Assert.Throws<PipelineDefinitionException>(() => CatalogLoader.Load(path));

        Assert.That(error!.Problems.Select(p => p.JsonPath), Is.SupersetOf(new[] { "$.channels[0].google.format" }));
        Assert.That(error.Problems.Select(p => p.JsonPath), Has.Some.StartsWith("$.channels[0].google.attributes"));
    }
}
