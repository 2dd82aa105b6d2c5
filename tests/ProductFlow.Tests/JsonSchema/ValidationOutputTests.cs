using System.Text.Json;
using ProductFlow.JsonSchema;

namespace ProductFlow.Tests.JsonSchema;

[TestFixture]
public sealed class ValidationOutputTests
{
    private const string ProductSchema = """
        {
          "$id": "https://productflow.example/product.json",
          "type": "object",
          "required": ["sku", "name"],
          "properties": {
            "sku": { "type": "string", "pattern": "^[0-9]+$" },
            "name": { "type": "string", "minLength": 3 },
            "color": { "enum": ["black", "white"] },
            "variants": { "type": "array", "items": { "$ref": "#/$defs/variant" } }
          },
          "$defs": {
            "variant": { "type": "object", "required": ["size"], "properties": { "size": { "type": "string", "minLength": 1 } } }
          }
        }
        """;

    private static readonly ProductFlow.JsonSchema.JsonSchema Schema = ProductFlow.JsonSchema.JsonSchema.FromText(ProductSchema);

    [Test]
    public void Required_property_missing_is_reported_with_instance_location()
    {
        var result = Validate("""{"sku": "123", "variants": [{"size": "M"}, {}]}""");

        Assert.That(result.Errors, Has.Count.EqualTo(2));
        Assert.That(result.Errors[0], Is.EqualTo(new ValidationError(
            "", "/required", "https://productflow.example/product.json#/required", "required property 'name' is missing")));
        Assert.That(result.Errors[1], Is.EqualTo(new ValidationError(
            "/variants/1",
            "/properties/variants/items/$ref/required",
            "https://productflow.example/product.json#/$defs/variant/required",
            "required property 'size' is missing")));
    }

    [Test]
    public void Keyword_errors_carry_steward_messages_and_locations()
    {
        var result = Validate("""{"sku": "12a", "name": "ab", "color": "red"}""");

        Assert.That(result.Errors.Select(e => (e.InstanceLocation, e.KeywordLocation, e.Message)), Is.EqualTo(new[]
        {
            ("/sku", "/properties/sku/pattern", "must match pattern ^[0-9]+$"),
            ("/name", "/properties/name/minLength", "must be at least 3 characters long"),
            ("/color", "/properties/color/enum", "must be one of: black, white"),
        }));
    }

    [Test]
    public void Validate_collects_every_error_while_IsValid_stops_at_the_first()
    {
        using var document = JsonDocument.Parse("""{"sku": 5, "name": 7, "variants": [1, 2, 3]}""");

        var result = Schema.Validate(document.RootElement);

        Assert.That(Schema.IsValid(document.RootElement), Is.False);
        Assert.That(result.IsValid, Is.False);
        Assert.That(result.Errors, Has.Count.EqualTo(5));
        string[] expected = ["/sku", "/name", "/variants/0", "/variants/1", "/variants/2"];
        Assert.That(result.Errors.Select(e => e.InstanceLocation), Is.EqualTo(expected));
    }

    [Test]
    public void Valid_instance_gives_empty_basic_output()
    {
        var result = Validate("""{"sku": "1", "name": "Shirt"}""");

        Assert.That(result.IsValid, Is.True);
        Assert.That(result.Errors, Is.Empty);
        Assert.That(result.ToJson(), Is.EqualTo("""{"valid":true}"""));
    }

    [Test]
    public void ToJson_writes_the_basic_output_shape()
    {
        var json = Validate("""{"sku": "1"}""").ToJson();

        Assert.That(json, Is.EqualTo(
            """{"valid":false,"errors":[{"instanceLocation":"","keywordLocation":"/required","absoluteKeywordLocation":"https://productflow.example/product.json#/required","error":"required property \u0027name\u0027 is missing"}]}"""));
    }

    [Test]
    public void Additional_property_is_reported_at_the_property()
    {
        var schema = ProductFlow.JsonSchema.JsonSchema.FromText("""{"properties": {"a": true}, "additionalProperties": false}""");
        using var document = JsonDocument.Parse("""{"a": 1, "b/c": 2}""");

        var error = schema.Validate(document.RootElement).Errors.Single();

        Assert.That((error.InstanceLocation, error.KeywordLocation, error.Message), Is.EqualTo(("/b~1c", "/additionalProperties", "property 'b/c' is not allowed")));
    }

    [Test]
    public void AnyOf_failure_lists_the_branch_errors_after_its_own()
    {
        var schema = ProductFlow.JsonSchema.JsonSchema.FromText("""{"anyOf": [{"type": "string"}, {"minimum": 10}]}""");
        using var document = JsonDocument.Parse("5");

        var errors = schema.Validate(document.RootElement).Errors;

        string[] expected = ["/anyOf", "/anyOf/0/type", "/anyOf/1/minimum"];
        Assert.That(errors.Select(e => e.KeywordLocation), Is.EqualTo(expected));
        Assert.That(errors[2].Message, Is.EqualTo("must be greater than or equal to 10"));
    }

    [TestCase("\"x\"", true)]
    [TestCase("42", false)]
    [TestCase("null", false)]
    [TestCase("[\"x\"]", false)]
    public void Any_json_value_can_be_validated(string instance, bool expected)
    {
        var schema = ProductFlow.JsonSchema.JsonSchema.FromText("""{"type": "string"}""");
        using var document = JsonDocument.Parse(instance);

        Assert.That(schema.IsValid(document.RootElement), Is.EqualTo(expected));
    }

    [Test]
    public void String_length_counts_code_points_and_integer_keywords_may_be_decimals()
    {
        var schema = ProductFlow.JsonSchema.JsonSchema.FromText("""{"maxLength": 2.0}""");
        using var astral = JsonDocument.Parse("\"\\ud83d\\udc32\\ud83d\\udc32\"");
        using var three = JsonDocument.Parse("\"abc\"");

        Assert.That(schema.IsValid(astral.RootElement), Is.True);
        Assert.That(schema.IsValid(three.RootElement), Is.False);
    }

    [Test]
    public void IsValid_allocates_nothing_for_a_valid_instance()
    {
        var schema = ProductFlow.JsonSchema.JsonSchema.FromText(ProductSchema, options: new SchemaOptions { AssertFormat = true });
        using var document = JsonDocument.Parse("""{"sku": "0123", "name": "Shirt", "color": "black", "variants": [{"size": "M"}, {"size": "L"}]}""");
        Assert.That(schema.IsValid(document.RootElement), Is.True);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            schema.IsValid(document.RootElement);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    [Test]
    public void One_schema_validates_from_many_threads_at_once()
    {
        var schema = ProductFlow.JsonSchema.JsonSchema.FromText("""{"$ref": "https://json-schema.org/draft/2020-12/schema"}""");
        using var good = JsonDocument.Parse(ProductSchema);
        using var bad = JsonDocument.Parse("""{"type": 12}""");
        var failures = 0;

        Parallel.For(0, 2000, i =>
        {
            var expected = i % 2 == 0;
            var element = expected ? good.RootElement : bad.RootElement;
            if (schema.IsValid(element) != expected || schema.Validate(element).IsValid != expected)
            {
                Interlocked.Increment(ref failures);
            }
        });

        Assert.That(failures, Is.Zero);
    }

    private static ValidationResult Validate(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Schema.Validate(document.RootElement);
    }
}
