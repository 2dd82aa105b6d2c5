using ProductFlow.Catalog;
using ProductFlow.Model;
using ProductFlow.Pipelines;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Rules.Enrichers;

/// <summary>A channel's own category tree: the categoryMap enricher maps supplier categories into it, and the channel needs the mapping.</summary>
public class CategoryTreeTests
{
    [Test]
    public void A_channel_with_a_category_tree_keeps_off_only_the_records_whose_categories_are_not_mapped()
    {
        var mapped = Record("A", "apparel_tshirts");
        var unmapped = Record("B", "kitchen", "sale");
        var none = Record("C");

        var records = SomePipeline.Apply(Pipeline(tree: "google_taxonomy"), mapped, unmapped, none);

        var value = records[0].Record.Values.Single(v => v.Attribute == "taxonomy");
        Assert.That((value.Data, value.Channel, value.Origin.Rule), Is.EqualTo(("google_shirts", "partner", "categoryMap")));
        Assert.That(records[0].Issues, Is.Empty);
        var issue = records[1].Issues.Single();
        Assert.That((issue.Rule, issue.Severity, issue.Channel, issue.Field), Is.EqualTo((RuleIds.CategoryUnmapped, Severity.Error, "partner", "categories")));
        Assert.That(issue.Message, Does.Contain("(kitchen, sale)").And.Contain("'google_taxonomy'"));
        Assert.That((records[1].IsRejected, records[1].BlockedChannels), Is.EqualTo((false, new[] { "partner" })), "stored, and kept off this channel only");
        Assert.That(records[2].Issues.Single().Message, Does.Contain("the record has no category"));
    }

    [Test]
    public void Without_a_category_tree_an_unmapped_record_is_no_issue()
    {
        var records = SomePipeline.Apply(Pipeline(tree: null), Record("B", "kitchen"));

        Assert.That(records.Single().Issues, Is.Empty);
        Assert.That(records.Single().Record.Values, Is.Empty);
    }

    [Test]
    public void The_loaders_refuse_a_tree_that_is_no_root_a_target_outside_the_tree_and_a_tree_channel_without_a_map()
    {
        using var dir = new TempDirectory();
        dir.File("catalog.json", """
            {
              "locales": ["en_US"],
              "attributes": [ { "code": "taxonomy", "type": "text", "scopable": true } ],
              "categories": [ { "code": "google_taxonomy" }, { "code": "google_shirts", "parent": "google_taxonomy" }, { "code": "master" }, { "code": "tees", "parent": "master" }, { "code": "lost", "parent": "nowhere" } ],
              "channels": [
                { "code": "google", "kind": "partner-csv", "locale": "en_US", "categoryTree": "google_taxonomy" },
                { "code": "shop", "kind": "partner-csv", "locale": "en_US", "categoryTree": "google_shirts" }
              ]
            }
            """);
        var catalogError = Assert.Throws<PipelineDefinitionException>(() => CatalogLoader.Load(dir.Combine("catalog.json")));
        Assert.That(catalogError!.Problems.Select(p => p.JsonPath), Is.EquivalentTo(new[] { "$.categories[4].parent", "$.channels[1].categoryTree" }));

        dir.File("catalog.json", File.ReadAllText(dir.Combine("catalog.json")).Replace("\"categoryTree\": \"google_shirts\"", "\"file\": \"shop.csv\"", StringComparison.Ordinal).Replace("\"nowhere\"", "\"master\"", StringComparison.Ordinal));
        var pipeline = dir.File("p.json", """
            {
              "name": "test", "catalog": "catalog.json", "source": {},
              "mapping": { "sku": { "column": "sku" } },
              "enrich": [ { "kind": "categoryMap", "attribute": "taxonomy", "channel": "google", "map": { "apparel_tshirts": "google_shirts", "apparel_mugs": "tees" } } ],
              "channels": ["google", "shop"]
            }
            """);
        var noMap = dir.File("q.json", File.ReadAllText(pipeline).Replace("\"channel\": \"google\"", "\"channel\": \"shop\"", StringComparison.Ordinal));

        var wrongTarget = Assert.Throws<PipelineDefinitionException>(() => PipelineLoader.Load(pipeline));
        var missingMap = Assert.Throws<PipelineDefinitionException>(() => PipelineLoader.Load(noMap));

        Assert.That(wrongTarget!.Problems.Select(p => p.JsonPath), Is.EqualTo(new[] { "$.enrich[0].map.apparel_mugs" }));
        Assert.That(wrongTarget.Problems.Single().Message, Does.Contain("'tees' is not a category of channel google's tree 'google_taxonomy'"));
        Assert.That(missingMap!.Problems.Select(p => p.JsonPath), Is.EqualTo(new[] { "$.channels[0]" }));
        Assert.That(missingMap.Problems.Single().Message, Does.Contain("add a categoryMap enricher"));
    }

    private static ProductRecord Record(string sku, params string[] categories)
    {
        var record = new ProductRecord(sku) { Feed = "feed.csv", Line = 2, Categories = [.. categories] };

        return record;
    }

    private static LoadedPipeline Pipeline(string? tree)
    {
        var pipeline = SomePipeline.With(new RulesOptions());
        var partner = pipeline.Catalog.Channels[0];
        pipeline.Catalog.Channels = [new ChannelDefinition { Code = partner.Code, Kind = partner.Kind, Locale = partner.Locale, Currency = partner.Currency, CategoryTree = tree }];
        pipeline.Catalog.Categories = [new CategoryDefinition { Code = "google_taxonomy" }, new CategoryDefinition { Code = "google_shirts", Parent = "google_taxonomy" }];
        pipeline.Definition.Enrich =
        [
            new EnrichOptions
            {
                Kind = "categoryMap", Attribute = "taxonomy", Channel = "partner",
                Map = new Dictionary<string, string> { ["apparel_tshirts"] = "google_shirts" },
            },
        ];
        return pipeline;
    }
}
