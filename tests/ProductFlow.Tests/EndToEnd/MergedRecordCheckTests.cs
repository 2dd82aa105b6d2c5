using System.Text.Json;
using ProductFlow.Model;
using ProductFlow.Pipelines;
using ProductFlow.Running;
using ProductFlow.Store.Sqlite;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.EndToEnd;

/// <summary>A record merged from two sources is checked again, whole, for the run's channels: the verdict of one source's half does not stand.</summary>
public class MergedRecordCheckTests
{
    // The partner channel wants every required attribute (name and price): the supplier sends the name, the ERP the price.
    private const string Catalog = """
        {
          "locales": ["en_US"],
          "currencies": ["EUR"],
          "attributes": [ { "code": "name", "type": "text" }, { "code": "price", "type": "price" } ],
          "families": [ { "code": "tees", "attributes": ["name", "price"], "requirements": { "partner": ["name", "price"] } } ],
          "channels": [
            {
              "code": "partner", "kind": "partner-csv", "locale": "en_US", "currency": "EUR", "delimiter": ";", "minCompleteness": 1,
              "columns": [ { "header": "SKU", "value": "sku" }, { "header": "Name", "value": "name" }, { "header": "Price", "value": "price" } ]
            }
          ]
        }
        """;

    [Test]
    public async Task A_product_both_halves_of_which_are_incomplete_is_published_once_merged_and_explain_says_so()
    {
        using var dir = new TempDirectory();
        dir.File("catalog.json", Catalog);
        var supplier = Pipeline(dir, "supplier", "sku,family,name\nA-1,tees,Tee\nA-2,tees,Polo\n", """{ "column": "name", "attribute": "name" }""");
        var erp = Pipeline(dir, "erp", "sku,family,price\nA-1,tees,9.5\n", """{ "column": "price", "attribute": "price", "currency": "EUR" }""");
        var data = dir.Combine("data");

        var first = await Runs.RunAsync(supplier, data);
        var second = await Runs.RunAsync(erp, data);

        Assert.That(first.Issues.Select(i => (i.Rule, i.Sku)), Is.EquivalentTo(new[] { (RuleIds.Completeness, "A-1"), (RuleIds.Completeness, "A-2") }), "each half alone is incomplete");
        Assert.That(second.Issues.Select(i => (i.Rule, i.Sku)), Is.EqualTo(new[] { (RuleIds.Completeness, "A-1") }));
        Assert.That(File.ReadAllLines(PublishedExports.Current(data, "partner", "partner.csv")).Skip(1), Is.EqualTo(new[] { "A-1;Tee;9.5" }), "the merged A-1 is complete");
        await using (var store = SqliteProductStore.Open(data))
        {
            var notes = (await store.FindProductAsync("A-1"))!.Record.Notes;
            Assert.That(notes.Issues.Where(i => i.Channel == "partner"), Is.Empty);
            Assert.That(notes.Completeness.Single(), Is.EqualTo(new CompletenessScore("partner", "en_US", 2, 2)));
        }

        var explain = CliProcess.Run(dir.Path, "explain", "A-1", "--data", data, "--json");
        Assert.That(explain.ExitCode, Is.Zero, explain.ToString());
        var partner = JsonDocument.Parse(explain.Stdout).RootElement.GetProperty("channels").EnumerateArray().Single();
        Assert.That((partner.GetProperty("channel").GetString(), partner.GetProperty("published").GetBoolean()), Is.EqualTo(("partner", true)));
    }

    [Test]
    public async Task A_merged_record_that_breaks_a_channel_is_kept_off_it_though_the_runs_half_passed()
    {
        using var dir = new TempDirectory();
        dir.File("catalog.json", Catalog.Replace("\"minCompleteness\": 1,", "", StringComparison.Ordinal));
        // The ERP's price check holds on the ERP's half (no name) and fails on the merged record (name "X").
        // A-2 stays on the partner: taking A-1 off is no publication that empties the channel (that one needs --allow-mass-delete).
        var supplier = Pipeline(dir, "supplier", "sku,family,name\nA-1,tees,X\nA-2,tees,Polo\n", """{ "column": "name", "attribute": "name" }""");
        var erp = Pipeline(
            dir, "erp", "sku,family,price\nA-1,tees,9.5\n", """{ "column": "price", "attribute": "price", "currency": "EUR" }""",
            """, "rules": { "checks": [ { "kind": "length", "attribute": "name", "min": 2, "channel": "partner" } ] }""");
        var data = dir.Combine("data");

        await Runs.RunAsync(supplier, data);
        var second = await Runs.RunAsync(erp, data);

        Assert.That(second.Issues, Is.Empty, "the ERP's own half has no name to check");
        Assert.That(File.ReadAllLines(PublishedExports.Current(data, "partner", "partner.csv")).Skip(1), Is.EqualTo(new[] { "A-2;Polo;" }), "the merged record's name is too short for the partner");
        await using var store = SqliteProductStore.Open(data);
        var product = (await store.FindProductAsync("A-1"))!;
        Assert.That(product.BlockedChannels, Is.EqualTo(new[] { "partner" }));
        Assert.That(product.Record.Notes.Issues.Single(i => i.Channel == "partner").Rule, Is.EqualTo(RuleIds.Length));
    }

    private static LoadedPipeline Pipeline(TempDirectory dir, string name, string feed, string values, string more = "")
    {
        dir.File(name + ".csv", feed);
        return PipelineLoader.Load(dir.File(name + ".json", $$"""
            {
              "name": "{{name}}", "catalog": "catalog.json", "source": { "path": "{{name}}.csv", "format": "csv" },
              "mapping": { "sku": { "column": "sku" }, "family": { "column": "family" }, "values": [ {{values}} ] },
              "channels": ["partner"], "publish": "onRun"{{more}}
            }
            """));
    }
}
