using Fluid;
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
    public void Transformations_in_the_mapping_load_from_the_pipeline_file()
    {
        using var dir = new TempDirectory();
        var path = dir.File("p.json", $$"""
            {
              "name": "test",
              "catalog": "{{CatalogPath}}",
              "source": {},
              "mapping": {
                "sku": { "column": "sku", "transform": [ { "kind": "trim" }, { "kind": "upper" } ] },
                "parent": { "column": "sku", "pattern": "^(.*)-[^-]+$" },
                "values": [
                  { "column": "n", "attribute": "name", "locale": "en_US", "transform": [
                    { "kind": "replace", "find": "Strikke genser", "with": "Strikkegenser", "ignoreCase": true },
                    { "kind": "replace", "regex": "\\s+", "with": " ", "id": "spaces" },
                    { "kind": "split", "separator": "/", "index": 0 },
                    { "kind": "title" }, { "kind": "prefix", "value": "NK " }, { "kind": "suffix", "value": "!" } ] },
                  { "template": "{Navn} ({Farge})", "attribute": "description", "locale": "en_US", "transform": [ { "kind": "lower" } ] }
                ]
              }
            }
            """);

        var (definition, _) = PipelineLoader.Load(path);

        Assert.That(definition.Mapping.Sku.Transform.Select(t => t.Kind), Is.EqualTo(new[] { "trim", "upper" }));
        Assert.That(definition.Mapping.Parent!.Pattern, Is.EqualTo("^(.*)-[^-]+$"));
        var steps = definition.Mapping.Values[0].Transform;
        Assert.That((steps[0].Find, steps[0].With, steps[0].IgnoreCase, steps[1].Regex, steps[1].Id, steps[2].Separator, steps[2].Index, steps[4].Value), Is.EqualTo(
            ((string?)"Strikke genser", "Strikkegenser", true, (string?)"\\s+", (string?)"spaces", (string?)"/", (int?)0, (string?)"NK ")));
        Assert.That(definition.Mapping.Values[1].Template, Is.EqualTo("{Navn} ({Farge})"));
    }

    [Test]
    public void Broken_transformations_are_reported_at_once_with_their_paths()
    {
        using var dir = new TempDirectory();
        var path = dir.File("p.json", Pipeline(
            "\"source\": {}",
            """
            { "column": "n", "attribute": "name", "locale": "en_US", "transform": [
                { "kind": "replace", "regex": "[0-9" },
                { "kind": "replace" },
                { "kind": "replace", "find": "a", "regex": "b" },
                { "kind": "split" },
                { "kind": "prefix" },
                { "kind": "trim", "separator": "/" } ] },
            { "template": "{Navn", "attribute": "description", "locale": "en_US" },
            { "template": "no columns", "attribute": "brand" },
            { "column": "c", "template": "{c}", "attribute": "color" },
            { "attribute": "gtin" },
            { "column": "s", "attribute": "size", "pattern": "(" }
            """));

        var problems = Assert.Throws<PipelineDefinitionException>(() => PipelineLoader.Load(path))!.Problems;

        Assert.That(problems.Select(p => p.JsonPath), Is.EquivalentTo(new[]
        {
            "$.mapping.values[0].transform[0].regex", "$.mapping.values[0].transform[1]", "$.mapping.values[0].transform[2]", "$.mapping.values[0].transform[3]",
            "$.mapping.values[0].transform[4]", "$.mapping.values[0].transform[5].separator", "$.mapping.values[1].template", "$.mapping.values[2].template",
            "$.mapping.values[3]", "$.mapping.values[4]", "$.mapping.values[5].pattern",
        }));
        Assert.That(problems.Select(p => p.Message), Has.Some.StartsWith("is not a valid regular expression")
            .And.Some.EqualTo("a replace needs 'find' (literal text) or 'regex'")
            .And.Some.EqualTo("a replace takes 'find' or 'regex', not both")
            .And.Some.EqualTo("a split needs 'separator'")
            .And.Some.EqualTo("a prefix needs 'value'")
            .And.Some.EqualTo("'separator' does not apply to a trim (it takes: id)")
            .And.Some.Contains("is not closed")
            .And.Some.Contains("names no column")
            .And.Some.EqualTo("give one of 'column', 'constant' or 'template', not column and template")
            .And.Some.EqualTo("give one of 'column', 'constant' or 'template'"));
        Assert.That(problems.Select(p => p.File).Distinct(), Is.EqualTo(new[] { problems[0].File }), "every problem names the pipeline file");
        Assert.That(problems[0].File, Does.EndWith("p.json"));
    }

    [Test]
    public void A_misspelt_transformation_kind_gets_the_schemas_choices()
    {
        using var dir = new TempDirectory();
        var path = dir.File("p.json", Pipeline("\"source\": {}", """{ "column": "n", "attribute": "brand", "transform": [ { "kind": "uppercase" } ] }"""));

        var problem = Assert.Throws<PipelineDefinitionException>(() => PipelineLoader.Load(path))!.Problems.Single();

        Assert.That(problem.JsonPath, Is.EqualTo("$.mapping.values[0].transform[0].kind"));
        Assert.That(problem.Message, Does.Contain("upper"));
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

    [Test]
    public void A_template_that_is_not_valid_Liquid_fails_the_load_with_Fluids_error_and_one_that_needs_Fluid_loads()
    {
        using var dir = new TempDirectory();
        var path = dir.File("p.json", Pipeline("""
            "source": {}, "channels": ["web"],
            "enrich": [
              { "kind": "template", "attribute": "name", "locale": "en_US", "template": "{{ name " },
              { "kind": "template", "attribute": "name", "locale": "en_US", "template": "{% if name %}{{ name | truncate: 5 }}{% endif %}" },
              { "kind": "template", "attribute": "name", "locale": "en_US", "template": "{{ name | upcase }}" },
              { "kind": "template", "attribute": "name", "locale": "en_US", "template": "{% if name %}" }
            ]
            """));

        var problems = Assert.Throws<PipelineDefinitionException>(() => PipelineLoader.Load(path))!.Problems;

        Assert.That(problems.Select(p => (p.JsonPath, p.Message)), Is.EqualTo(new[]
        {
            ("$.enrich[0].template", "is not a valid Liquid template: " + FluidError("{{ name ").ReplaceLineEndings(" ")),
            ("$.enrich[3].template", "is not a valid Liquid template: " + FluidError("{% if name %}").ReplaceLineEndings(" ")),
        }));
    }

    [TestCase("https://shop.example/p/{{ sku ", true)]
    [TestCase("https://shop.example/p/{% for x in sku %}", true)]
    [TestCase("https://shop.example/p/{{ sku | url_encode }}", false)]
    [TestCase("https://shop.example/p/{{ sku }}", false)]
    public void A_google_link_that_is_not_valid_Liquid_is_a_catalog_problem_with_Fluids_error(string link, bool broken)
    {
        using var dir = new TempDirectory();
        var catalog = dir.File("catalog.json", $$"""
            {
              "locales": ["en_US"],
              "attributes": [ { "code": "name", "type": "text" } ],
              "channels": [ { "code": "google", "kind": "google-merchant", "locale": "en_US",
                              "google": { "link": "{{link}}", "attributes": { "title": "name" } } } ]
            }
            """);

        if (!broken)
        {
            Assert.That(ProductFlow.Pipelines.CatalogLoader.Load(catalog).Channels.Single().Google!.Link, Is.EqualTo(link));
            return;
        }

        var error = Assert.Throws<PipelineDefinitionException>(() => ProductFlow.Pipelines.CatalogLoader.Load(catalog))!;

        Assert.That(error.Problems.Select(p => (p.JsonPath, p.Message)), Is.EqualTo(new[]
        {
            ("$.channels[0].google.link", "is not a valid Liquid template: " + FluidError(link)),
        }));
    }

    // Fluid's error for a template it rejects, as the ArgumentException for the template (its parameter 'text') carries it.
    private static string FluidError(string template)
    {
        Assert.That(new FluidParser().TryParse(template, out _, out var error), Is.False);
        return error + " (Parameter 'text')";
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
