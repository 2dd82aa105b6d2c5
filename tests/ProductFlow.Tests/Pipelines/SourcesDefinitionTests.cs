using ProductFlow.Catalog;
using ProductFlow.Pipelines;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Pipelines;

public class SourcesDefinitionTests
{
    private const string Attributes = """
        "locales": ["en_US"],
        "attributes": [ { "code": "price", "type": "price" }, { "code": "name", "type": "text" } ]
        """;

    [Test]
    public void An_attribute_ranks_its_own_list_then_the_star_list_and_unnamed_sources_rank_last()
    {
        using var dir = new TempDirectory();
        var catalog = CatalogLoader.Load(dir.File("catalog.json", $$"""
            { {{Attributes}}, "sources": { "precedence": { "price": ["erp", "supplier"], "*": ["supplier", "erp"] } } }
            """));

        var sources = catalog.Sources;

        Assert.That(
            (sources.Rank("price", "erp"), sources.Rank("price", "supplier"), sources.Rank("name", "erp"), sources.Rank("name", "supplier"), sources.Rank("name", "pim")),
            Is.EqualTo((0, 1, 1, 0, int.MaxValue)));
    }

    [Test]
    public void A_catalog_without_sources_ranks_every_source_alike()
    {
        using var dir = new TempDirectory();
        var catalog = CatalogLoader.Load(dir.File("catalog.json", $$"""{ {{Attributes}} }"""));

        Assert.That(catalog.Sources.Rank("price", "erp"), Is.EqualTo(catalog.Sources.Rank("price", "supplier")));
    }

    [Test]
    public void A_precedence_for_an_unknown_attribute_is_refused_with_its_path()
    {
        using var dir = new TempDirectory();
        var path = dir.File("catalog.json", $$"""{ {{Attributes}}, "sources": { "precedence": { "prize": ["erp"] } } }""");

        var error = Assert.Throws<PipelineDefinitionException>(() => CatalogLoader.Load(path));

        Assert.That(error!.Problems.Single().JsonPath, Is.EqualTo("$.sources.precedence.prize"));
        Assert.That(error.Problems.Single().Message, Does.Contain("unknown attribute 'prize'"));
    }

    [TestCase("""{ "price": [] }""")]
    [TestCase("""{ "price": ["erp", "erp"] }""")]
    [TestCase("""{ "price": ["ERP"] }""")]
    [TestCase("""{ "price": "erp" }""")]
    public void A_malformed_precedence_list_is_refused_by_the_schema(string precedence)
    {
        using var dir = new TempDirectory();
        var path = dir.File("catalog.json", $$"""{ {{Attributes}}, "sources": { "precedence": {{precedence}} } }""");

        var error = Assert.Throws<PipelineDefinitionException>(() => CatalogLoader.Load(path));

        Assert.That(error!.Problems.Select(p => p.JsonPath), Has.Some.StartsWith("$.sources.precedence.price"));
    }
}
