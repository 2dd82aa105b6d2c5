using ProductFlow.Pipelines;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Pipelines;

public class PipelineLoaderTests
{
    private static string CatalogPath => TestPaths.InRepository("schemas", "catalog.json").Replace("\\", "/", StringComparison.Ordinal);

    [Test]
    public void The_demo_pipeline_loads_with_its_catalog()
    {
        var (definition, catalog) = PipelineLoader.Load(TestPaths.InRepository("pipelines", "demo.json"));

        Assert.That(definition.Name, Is.EqualTo("demo"));
        Assert.That(definition.Channels, Is.EqualTo(new[] { "web", "shopify", "google", "partner" }));
        Assert.That(catalog.FindChannel("partner")!.Columns, Is.Not.Empty);
    }

    [Test]
    public void Invalid_json_names_the_file_and_the_line()
    {
        using var dir = new TempDirectory();
        var path = dir.File("broken.json", "{\n  \"name\": \"x\",\n  oops\n}");

        var error = Assert.Throws<PipelineDefinitionException>(() => PipelineLoader.Load(path));

        Assert.That(error!.Message, Does.Contain("broken.json").And.Contain("not valid JSON").And.Contain("line 3"));
    }

    [Test]
    public void A_misspelt_property_gets_the_closest_one_the_schema_allows()
    {
        using var dir = new TempDirectory();
        var path = dir.File("p.json", Pipeline("\"source\": { \"delimeter\": \";\", \"culturre\": \"nb-NO\" }"));

        var problems = Assert.Throws<PipelineDefinitionException>(() => PipelineLoader.Load(path))!.Problems;

        Assert.That(problems.Select(p => (p.JsonPath, p.Message)), Is.EquivalentTo(new[]
        {
            ("$.source.delimeter", "property 'delimeter' is not allowed (did you mean 'delimiter'?)"),
            ("$.source.culturre", "property 'culturre' is not allowed (did you mean 'culture'?)"),
        }));
    }

    [Test]
    public void Every_problem_is_reported_at_once_and_a_misspelt_code_gets_the_closest_known_one()
    {
        using var dir = new TempDirectory();
        var path = dir.File("p.json", Pipeline("\"source\": {}, \"rules\": { \"required\": [\"nmae\"] }", "{ \"column\": \"c\", \"attribute\": \"colour\" }"));

        var error = Assert.Throws<PipelineDefinitionException>(() => PipelineLoader.Load(path))!;

        Assert.That(error.Problems.Select(p => p.Message), Is.EquivalentTo(new[] { "unknown attribute 'colour' (did you mean 'color'?)", "unknown attribute 'nmae' (did you mean 'name'?)" }));
        Assert.That(error.Message.Split('\n'), Has.Length.EqualTo(2), "every problem, one per line");
    }

    [Test]
    public void A_schema_violation_names_the_json_path()
    {
        using var dir = new TempDirectory();
        var path = dir.File("p.json", Pipeline("\"source\": { \"format\": \"xml\" }"));

        var error = Assert.Throws<PipelineDefinitionException>(() => PipelineLoader.Load(path));

        Assert.That(error!.Problems.Select(p => p.JsonPath), Does.Contain("$.source.format"));
    }

    [Test]
    public void A_feed_url_with_a_password_in_it_is_a_problem_of_the_pipeline_that_does_not_repeat_it()
    {
        using var dir = new TempDirectory();
        var path = dir.File("p.json", Pipeline("\"source\": { \"path\": \"sftp://acme:hunter2@sftp.example.com/out/a.csv\" }"));

        var error = Assert.Throws<PipelineDefinitionException>(() => PipelineLoader.Load(path));

        Assert.That(error!.Problems.Select(p => p.JsonPath), Is.EqualTo(new[] { "$.source.path" }));
        Assert.That(error.Message, Does.Contain("has a password in it").And.Not.Contain("hunter2"));
    }

    [Test]
    public void A_pinned_host_key_that_is_no_fingerprint_is_a_schema_problem()
    {
        using var dir = new TempDirectory();
        var path = dir.File("p.json", Pipeline("\"source\": { \"path\": \"sftp://acme@h/a.csv\", \"sftp\": { \"hostKey\": \"97:70:33:82\" } }"));

        var error = Assert.Throws<PipelineDefinitionException>(() => PipelineLoader.Load(path));

        Assert.That(error!.Problems.Select(p => p.JsonPath), Is.EqualTo(new[] { "$.source.sftp.hostKey" }));
    }

    [Test]
    public void A_remote_csv_path_with_its_sftp_settings_loads()
    {
        using var dir = new TempDirectory();
        var path = dir.File("p.json", Pipeline("""
            "source": { "path": "sftp://acme@sftp.example.com:2222/~/out/a.csv", "sftp": { "hostKey": "SHA256:RImhhZmr4pdokzaC+IXSX032LlmVMBBhNYe4Dy5uqDg", "privateKeyVariable": "ACME_KEY", "timeoutSeconds": 10 } }
            """));

        var source = PipelineLoader.Load(path).Definition.Source;

        Assert.That((source.Path, source.Sftp!.PrivateKeyVariable, source.Sftp.TimeoutSeconds), Is.EqualTo(("sftp://acme@sftp.example.com:2222/~/out/a.csv", "ACME_KEY", 10)));
    }

    [Test]
    public void Every_unknown_reference_is_reported_at_once_with_its_path()
    {
        using var dir = new TempDirectory();
        var path = dir.File("p.json", Pipeline(
            "\"source\": {}, \"channels\": [\"nowhere\"], \"rules\": { \"required\": [\"colour\"] }",
            "{ \"column\": \"c\", \"attribute\": \"name\" }, { \"column\": \"p\", \"attribute\": \"price\" }"));

        var error = Assert.Throws<PipelineDefinitionException>(() => PipelineLoader.Load(path));

        Assert.That(error!.Problems.Select(p => p.JsonPath), Is.EquivalentTo(new[] { "$.mapping.values[0]", "$.mapping.values[1]", "$.rules.required[0]", "$.channels[0]" }));
        Assert.That(error.Problems.Select(p => p.Message), Has.Some.Contains("localizable").And.Some.Contains("currency").And.Some.Contains("'nowhere'"));
    }

    [Test]
    public void Broken_checks_are_reported_with_their_paths_before_anything_runs()
    {
        using var dir = new TempDirectory();
        var path = dir.File("p.json", Pipeline("""
            "source": {}, "channels": ["partner"],
            "rules": { "checks": [
              { "kind": "pattern", "attribute": "gtin", "pattern": "[0-9" },
              { "kind": "expression", "assert": "price <= " },
              { "kind": "expression", "assert": "colour = 'x'" },
              { "kind": "range", "attribute": "weight", "min": "heavy" },
              { "kind": "required", "attributes": ["name"], "channel": "web" }
            ] }
            """));

        var error = Assert.Throws<PipelineDefinitionException>(() => PipelineLoader.Load(path));

        Assert.That(error!.Problems.Select(p => p.JsonPath), Is.EquivalentTo(new[]
        {
            "$.rules.checks[0].pattern", "$.rules.checks[1].assert", "$.rules.checks[2].assert", "$.rules.checks[3].min", "$.rules.checks[4].channel",
        }));
        Assert.That(error.Problems[2].Message, Does.Contain("unknown field 'colour'"));
    }

    [Test]
    public void A_channel_schema_that_cannot_be_loaded_is_a_catalog_problem_not_a_crash()
    {
        using var dir = new TempDirectory();
        dir.File("broken.schema.json", """{ "type": "object", "required": "sku" }""");
        var catalog = dir.File("catalog.json", """
            {
              "locales": ["en_US"],
              "attributes": [ { "code": "name", "type": "text" } ],
              "channels": [ { "code": "partner", "kind": "partner-csv", "locale": "en_US", "schema": "broken.schema.json",
                              "columns": [ { "header": "SKU", "value": "sku" } ] } ]
            }
            """);

        var error = Assert.Throws<PipelineDefinitionException>(() => ProductFlow.Pipelines.CatalogLoader.Load(catalog));

        Assert.That(error!.JsonPath, Is.EqualTo("$.channels[0].schema"));
        Assert.That(error.Message, Does.Contain("broken.schema.json").And.Contain("/required"));
    }

    private static string Pipeline(string extra, string values = "") => $$"""
        {
          "name": "test",
          "catalog": "{{CatalogPath}}",
          "mapping": { "sku": { "column": "sku" }, "values": [{{values}}] },
          {{extra}}
        }
        """;
}
