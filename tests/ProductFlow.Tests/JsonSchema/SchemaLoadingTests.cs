using System.Text.Json;
using System.Text.RegularExpressions;
using ProductFlow.JsonSchema;

namespace ProductFlow.Tests.JsonSchema;

[TestFixture]
public sealed class SchemaLoadingTests
{
    private string _folder = string.Empty;

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "productflow-schema-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void Invalid_keyword_value_names_the_file_and_pointer()
    {
        var path = Write("product.json", """{"properties": {"size": {"minLength": "x"}}}""");

        var ex = Assert.Throws<SchemaLoadException>(() => ProductFlow.JsonSchema.JsonSchema.FromFile(path));

        Assert.That(ex.File, Is.EqualTo(path));
        Assert.That(ex.Pointer, Is.EqualTo("/properties/size/minLength"));
        Assert.That(ex.Message, Does.Contain(path).And.Contain("/properties/size/minLength").And.Contain("non-negative integer"));
    }

    [Test]
    public void Invalid_regex_names_the_file_and_pointer()
    {
        var path = Write("product.json", """{"properties": {"gtin": {"pattern": "^[0-9]{8,14$"}}}""");

        var ex = Assert.Throws<SchemaLoadException>(() => ProductFlow.JsonSchema.JsonSchema.FromFile(path));

        Assert.That((ex.File, ex.Pointer), Is.EqualTo((path, "/properties/gtin/pattern")));
        Assert.That(ex.Message, Does.Contain("invalid regular expression"));
    }

    [TestCase("""{"properties": {"gtin": {"pattern": "a(b"}}}""", "/properties/gtin/pattern")]
    [TestCase("""{"patternProperties": {"a(b": {"type": "string"}}}""", "/patternProperties")]
    [TestCase("""{"$defs": {"unused": {"pattern": "a(b"}}}""", "/$defs/unused/pattern")]
    public void Invalid_regex_fails_the_load_with_the_regex_parsers_reason_though_regexes_are_compiled_later(string schema, string location)
    {
        var path = Write("product.json", schema);
        var reason = Assert.Throws<RegexParseException>(() => _ = new Regex("a(b"))!.Message;

        var ex = Assert.Throws<SchemaLoadException>(() => ProductFlow.JsonSchema.JsonSchema.FromFile(path));

        Assert.That((ex.File, ex.Pointer), Is.EqualTo((path, location)));
        Assert.That(ex.Message, Does.Contain("invalid regular expression 'a(b': " + reason));
    }

    [Test]
    public void Patterns_interpreted_then_compiled_match_as_before_in_pattern_and_patternProperties()
    {
        // "^a(b|c)+$" is no simple pattern, so it is matched by the regex; "^[0-9]+$" by its bytes, and by the regex when escaped.
        var path = Write("product.json", """
            {"properties": {"code": {"pattern": "^a(b|c)+$"}, "n": {"pattern": "^[0-9]+$"}},
             "patternProperties": {"^x(y|z)$": {"type": "integer"}}}
            """);
        var schema = ProductFlow.JsonSchema.JsonSchema.FromFile(path);

        Assert.That(schema.Validate(JsonDocument.Parse("""{"code": "abcb", "n": "12", "xy": 1}""").RootElement).IsValid, Is.True);
        Assert.That(schema.Validate(JsonDocument.Parse("""{"code": "ab", "n": "\u0031\u0032"}""").RootElement).IsValid, Is.True);
        Assert.That(schema.Validate(JsonDocument.Parse("""{"code": "abd"}""").RootElement).IsValid, Is.False);
        Assert.That(schema.Validate(JsonDocument.Parse("""{"n": "1\u0041"}""").RootElement).IsValid, Is.False);
        Assert.That(schema.Validate(JsonDocument.Parse("""{"xz": "one"}""").RootElement).IsValid, Is.False);

        // Past the matches a regex is interpreted for: the same answers from the compiled one.
        for (var i = 0; i < 80; i++)
        {
            var valid = i % 2 == 0;
            var document = JsonDocument.Parse(valid ? """{"code": "acb", "n": "\u0037", "xz": 2}""" : """{"code": "ab1", "xy": 2.5}""");
            Assert.That(schema.Validate(document.RootElement).IsValid, Is.EqualTo(valid), i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Test]
    public void Unknown_ref_names_the_file_and_pointer()
    {
        var path = Write("product.json", """{"$defs": {"a": {"$ref": "missing.json#/x"}}}""");

        var ex = Assert.Throws<SchemaLoadException>(() => ProductFlow.JsonSchema.JsonSchema.FromFile(path));

        Assert.That((ex.File, ex.Pointer), Is.EqualTo((path, "/$defs/a/$ref")));
        Assert.That(ex.Message, Does.Contain("missing.json"));
    }

    [Test]
    public void Invalid_json_names_the_file()
    {
        var path = Write("broken.json", """{"type": """);

        var ex = Assert.Throws<SchemaLoadException>(() => ProductFlow.JsonSchema.JsonSchema.FromFile(path));

        Assert.That((ex.File, ex.Pointer), Is.EqualTo((path, string.Empty)));
    }

    [Test]
    public void Error_in_a_referenced_sibling_file_names_that_file()
    {
        Write("size.json", """{"maxLength": -1}""");
        var path = Write("product.json", """{"properties": {"size": {"$ref": "size.json"}}}""");

        var ex = Assert.Throws<SchemaLoadException>(() => ProductFlow.JsonSchema.JsonSchema.FromFile(path));

        Assert.That((ex.File, ex.Pointer), Is.EqualTo((Path.Combine(_folder, "size.json"), "/maxLength")));
    }

    [Test]
    public void Ref_to_a_sibling_file_loads_it_from_disk()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "common"));
        Write(Path.Combine("common", "size.json"), """{"$defs": {"size": {"enum": ["S", "M", "L"]}}}""");
        var path = Write("product.json", """{"properties": {"size": {"$ref": "common/size.json#/$defs/size"}}}""");
        var schema = ProductFlow.JsonSchema.JsonSchema.FromFile(path);
        using var good = JsonDocument.Parse("""{"size": "M"}""");
        using var bad = JsonDocument.Parse("""{"size": "XXL"}""");

        Assert.That(schema.IsValid(good.RootElement), Is.True);
        var error = schema.Validate(bad.RootElement).Errors.Single();
        Assert.That(error.AbsoluteKeywordLocation, Is.EqualTo(new Uri(Path.Combine(_folder, "common", "size.json")).AbsoluteUri + "#/$defs/size/enum"));
        Assert.That(error.KeywordLocation, Is.EqualTo("/properties/size/$ref/enum"));
    }

    [Test]
    public void Meta_schema_2020_12_validates_schemas_offline()
    {
        var metaSchema = ProductFlow.JsonSchema.JsonSchema.FromText("""{"$ref": "https://json-schema.org/draft/2020-12/schema"}""");
        using var good = JsonDocument.Parse("""{"type": "object", "properties": {"sku": {"type": "string", "minLength": 1}}}""");
        using var bad = JsonDocument.Parse("""{"properties": {"sku": {"minLength": "x"}}}""");

        Assert.That(metaSchema.IsValid(good.RootElement), Is.True);
        var result = metaSchema.Validate(bad.RootElement);
        Assert.That(result.IsValid, Is.False);
        Assert.That(result.Errors.Select(e => e.InstanceLocation), Has.Member("/properties/sku/minLength"));
    }

    [Test]
    public void Meta_schema_draft_07_validates_schemas_offline()
    {
        var metaSchema = ProductFlow.JsonSchema.JsonSchema.FromText("""{"$ref": "http://json-schema.org/draft-07/schema#"}""");
        using var good = JsonDocument.Parse("""{"definitions": {"a": {"type": "string"}}, "items": [{"type": "integer"}]}""");
        using var bad = JsonDocument.Parse("""{"definitions": {"a": {"type": 1}}}""");

        Assert.That(metaSchema.IsValid(good.RootElement), Is.True);
        Assert.That(metaSchema.IsValid(bad.RootElement), Is.False);
    }

    [Test]
    public void Schema_keyword_selects_draft_07()
    {
        var draft7 = ProductFlow.JsonSchema.JsonSchema.FromText("""{"$schema": "http://json-schema.org/draft-07/schema#", "items": [{"type": "integer"}]}""");
        using var document = JsonDocument.Parse("""[1, "x"]""");
        using var wrong = JsonDocument.Parse("""["x"]""");

        Assert.That(draft7.IsValid(document.RootElement), Is.True);
        Assert.That(draft7.IsValid(wrong.RootElement), Is.False);
    }

    [Test]
    public void Resolve_document_serves_extra_documents_by_uri()
    {
        var options = new SchemaOptions
        {
            ResolveDocument = uri => uri.AbsoluteUri == "https://schemas.example/gtin.json" ? """{"type": "string", "pattern": "^[0-9]{8,14}$"}""" : null,
        };
        var schema = ProductFlow.JsonSchema.JsonSchema.FromText("""{"$ref": "https://schemas.example/gtin.json"}""", options: options);
        using var document = JsonDocument.Parse("\"4006381333931\"");

        Assert.That(schema.IsValid(document.RootElement), Is.True);
    }

    [Test]
    public void A_schema_that_is_neither_object_nor_boolean_is_a_load_error() =>
        Assert.Throws<SchemaLoadException>(() => ProductFlow.JsonSchema.JsonSchema.FromText("42"));

    [Test]
    public void Ref_to_a_value_that_is_not_a_schema_is_a_load_error()
    {
        var ex = Assert.Throws<SchemaLoadException>(() => ProductFlow.JsonSchema.JsonSchema.FromText("""{"$defs": {"a": {"enum": ["x"]}}, "$ref": "#/$defs/a/enum/0"}"""));

        Assert.That(ex.Pointer, Is.EqualTo("/$defs/a/enum/0"));
    }

    [Test]
    public void Unknown_schema_dialect_is_a_load_error()
    {
        var ex = Assert.Throws<SchemaLoadException>(() => ProductFlow.JsonSchema.JsonSchema.FromText("""{"$schema": "https://json-schema.org/draft/2019-09/schema"}"""));

        Assert.That(ex.Pointer, Is.EqualTo("/$schema"));
    }

    [Test]
    public void Schema_recursing_without_consuming_the_instance_throws_instead_of_crashing()
    {
        var schema = ProductFlow.JsonSchema.JsonSchema.FromText("""{"$ref": "#"}""");
        using var document = JsonDocument.Parse("1");

        Assert.Throws<InsufficientExecutionStackException>(() => schema.IsValid(document.RootElement));
    }

    private string Write(string relativePath, string content)
    {
        var path = Path.Combine(_folder, relativePath);
        File.WriteAllText(path, content);
        return path;
    }
}
