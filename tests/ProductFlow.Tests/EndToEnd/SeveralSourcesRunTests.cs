using System.Text.Json;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.EndToEnd;

/// <summary>Two pipelines, a supplier feed and an ERP feed, on one data folder: the catalog's precedence decides each attribute.</summary>
[NonParallelizable]
public class SeveralSourcesRunTests
{
    private const string Catalog = """
        {
          "locales": ["en_US"],
          "currencies": ["EUR"],
          "attributes": [
            { "code": "name", "type": "text" },
            { "code": "price", "type": "price" },
            { "code": "stock", "type": "number" }
          ],
          "channels": [
            {
              "code": "partner", "kind": "partner-csv", "locale": "en_US", "currency": "EUR", "delimiter": ";",
              "columns": [
                { "header": "SKU", "value": "sku" }, { "header": "Name", "value": "name" },
                { "header": "Price", "value": "price" }, { "header": "Stock", "value": "stock" }
              ]
            }
          ],
          "sources": { "precedence": { "price": ["erp", "supplier"], "*": ["supplier", "erp"] } }
        }
        """;

    private TempDirectory _dir = null!;

    private string Data => _dir.Combine("data");

    [SetUp]
    public void WriteThePipelines()
    {
        _dir = new TempDirectory();
        _dir.File("catalog.json", Catalog);
        _dir.File("supplier.csv", "sku,name,price\nA-1,Tee,12.5\nA-2,Polo,20\n");
        _dir.File("erp.csv", "sku,price,stock\nA-1,9.5,5\n");
        _dir.File("supplier.json", Pipeline("supplier", """{ "column": "name", "attribute": "name" }, { "column": "price", "attribute": "price", "currency": "EUR" }"""));
        _dir.File("erp.json", Pipeline("erp", """{ "column": "price", "attribute": "price", "currency": "EUR" }, { "column": "stock", "attribute": "stock" }"""));
    }

    [TearDown]
    public void DeleteFolder() => _dir.Dispose();

    [Test]
    public void The_erp_price_wins_whatever_ran_first_and_the_supplier_name_stays()
    {
        Run("erp");
        Run("supplier");

        var export = File.ReadAllLines(PublishedExports.Current(Data, "partner", "partner.csv"));

        Assert.That(export.Skip(1), Is.EqualTo(new[] { "A-1;Tee;9.5;5", "A-2;Polo;20;" }));
    }

    [Test]
    public void Explain_names_the_source_of_each_winning_value_and_a_second_run_changes_nothing()
    {
        Run("supplier");
        Run("erp");
        var again = Run("supplier");

        var explain = CliProcess.Run(_dir.Path, "explain", "A-1", "--data", Data, "--json");
        Assert.That(explain.ExitCode, Is.Zero, explain.ToString());
        using var json = JsonDocument.Parse(explain.Stdout);
        var values = json.RootElement.GetProperty("values").EnumerateArray()
            .Select(v => (v.GetProperty("attribute").GetString(), v.GetProperty("value").GetString(), v.GetProperty("origin").GetProperty("source").GetString(), v.GetProperty("origin").GetProperty("feed").GetString()));
        Assert.That(values, Is.EqualTo(new[] { ("name", "Tee", "supplier", "supplier.csv"), ("price", "9.5", "erp", "erp.csv"), ("stock", "5", "erp", "erp.csv") }));
        Assert.That(again.GetProperty("counts").GetProperty("changed").GetInt32(), Is.Zero);
        var history = CliProcess.Run(_dir.Path, "history", "A-1", "--data", Data);
        Assert.That(history.Stdout, Does.Contain("price [EUR]: 12.5 -> 9.5  (erp: erp.csv:2 price)"));
    }

    [Test]
    public void A_new_precedence_applies_at_the_next_run_of_a_source_whose_feed_did_not_change()
    {
        Run("erp");
        Run("supplier");
        var before = File.ReadAllLines(PublishedExports.Current(Data, "partner", "partner.csv"));
        File.WriteAllText(_dir.Combine("catalog.json"), Catalog.Replace("\"price\": [\"erp\", \"supplier\"]", "\"price\": [\"supplier\", \"erp\"]", StringComparison.Ordinal));

        var again = Run("supplier");

        var after = File.ReadAllLines(PublishedExports.Current(Data, "partner", "partner.csv"));
        Assert.That(before.Skip(1), Is.EqualTo(new[] { "A-1;Tee;9.5;5", "A-2;Polo;20;" }));
        Assert.That(again.GetProperty("counts").GetProperty("changed").GetInt32(), Is.EqualTo(1));
        Assert.That(after.Skip(1), Is.EqualTo(new[] { "A-1;Tee;12.5;5", "A-2;Polo;20;" }));
    }

    private JsonElement Run(string pipeline)
    {
        var result = CliProcess.Run(_dir.Path, "run", _dir.Combine(pipeline + ".json"), "--data", Data, "--json");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        return JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }

    private static string Pipeline(string name, string values) => $$"""
        {
          "name": "{{name}}",
          "catalog": "catalog.json",
          "source": { "path": "{{name}}.csv", "format": "csv" },
          "mapping": { "sku": { "column": "sku" }, "values": [ {{values}} ] },
          "channels": ["partner"],
          "publish": "onRun"
        }
        """;
}
