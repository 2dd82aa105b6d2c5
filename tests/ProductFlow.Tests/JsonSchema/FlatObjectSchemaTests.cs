using ProductFlow.JsonSchema;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.JsonSchema;

/// <summary>Which schemas compile to flat-object checks; their verdicts are compared with the validator's in <c>ChannelSchemaChecksTests</c>.</summary>
public class FlatObjectSchemaTests
{
    private static readonly SchemaOptions Formats = new() { AssertFormat = true };

    [TestCase("""{ "$ref": "#/$defs/a", "$defs": { "a": {} } }""")]
    [TestCase("""{ "properties": { "a": { "$ref": "#/$defs/text" } }, "$defs": { "text": { "type": "string" } } }""")]
    [TestCase("""{ "allOf": [ { "required": ["a"] } ] }""")]
    [TestCase("""{ "if": { "required": ["a"] }, "then": { "required": ["b"] } }""")]
    [TestCase("""{ "not": { "required": ["a"] } }""")]
    [TestCase("""{ "patternProperties": { "^x": {} } }""")]
    [TestCase("""{ "additionalProperties": { "type": "string" } }""")]
    [TestCase("""{ "dependentRequired": { "a": ["b"] } }""")]
    [TestCase("""{ "minProperties": 1 }""")]
    [TestCase("""{ "enum": [ {} ] }""")]
    [TestCase("""{ "type": "string" }""")]
    [TestCase("""false""")]
    [TestCase("""{ "unevaluatedProperties": false }""")]
    [TestCase("""{ "properties": { "a": { "multipleOf": 2 } } }""")]
    [TestCase("""{ "properties": { "a": { "uniqueItems": true } } }""")]
    [TestCase("""{ "properties": { "a": { "properties": { "b": {} } } } }""")]
    [TestCase("""{ "properties": { "a": { "prefixItems": [ {} ] } } }""")]
    [TestCase("""{ "properties": { "a": { "anyOf": [ {}, { "type": "string" } ] } } }""")]
    [TestCase("""{ "properties": { "a": { "maximum": 1e2 } } }""")]
    [TestCase("""{ "properties": { "a": { "minimum": 0.1234567890123456 } } }""")]
    [TestCase("""{ "properties": { "a": { "enum": [ [1] ] } } }""")]
    [TestCase("""{ "properties": { "a": { "const": { "b": 1 } } } }""")]
    [TestCase("""{ "properties": { "a": { "enum": [ 1e400 ] } } }""")]
    [TestCase("""{ "$schema": "http://json-schema.org/draft-07/schema#", "properties": { "a": { "items": [ {} ] } } }""")]
    [TestCase("""{ "$schema": "http://json-schema.org/draft-07/schema#", "$ref": "#/definitions/a", "definitions": { "a": {} } }""")]
    public void A_schema_with_a_keyword_the_checks_do_not_cover_is_not_flat(string schema)
    {
        Assert.That(ProductFlow.JsonSchema.JsonSchema.FromText(schema, options: Formats).ToFlatObject(), Is.Null);
    }

    [TestCase("""{}""")]
    [TestCase("""true""")]
    [TestCase("""{ "type": "object", "title": "t", "description": "d", "$comment": "c", "$defs": { "unused": { "$ref": "#" } } }""")]
    [TestCase("""{ "type": ["object", "null"], "required": ["a"], "additionalProperties": false, "properties": { "a": true, "b": false, "c": {} } }""")]
    [TestCase("""{ "properties": { "a": { "type": "integer", "minimum": -2.5, "exclusiveMaximum": 10, "enum": [1, 2.0, "x", true, null], "const": 1 } } }""")]
    [TestCase("""{ "properties": { "a": { "type": "array", "minItems": 1, "maxItems": 3, "items": { "type": "string", "pattern": "^[a-z]+$", "format": "email" } } } }""")]
    [TestCase("""{ "properties": { "a": { "minLength": 1, "maxLength": 2, "pattern": "^(a|b)$", "format": "date", "minProperties": 1, "title": "t" } } }""")]
    [TestCase("""{ "$schema": "http://json-schema.org/draft-07/schema#", "properties": { "a": { "items": { "type": "string" } } } }""")]
    public void A_schema_of_the_simple_keywords_is_flat(string schema)
    {
        Assert.That(ProductFlow.JsonSchema.JsonSchema.FromText(schema, options: Formats).ToFlatObject(), Is.Not.Null);
    }

    [TestCase("partner.schema.json", true)]
    [TestCase("web-product.schema.json", false)]
    public void The_shipped_channel_schemas_are_flat_unless_they_use_references(string file, bool flat)
    {
        var schema = ProductFlow.JsonSchema.JsonSchema.FromFile(TestPaths.InRepository("schemas", "channels", file), Formats);

        Assert.That(schema.ToFlatObject() is not null, Is.EqualTo(flat));
    }

    [Test]
    public void Names_cover_properties_then_required_only_names_and_say_which_are_required()
    {
        var flat = ProductFlow.JsonSchema.JsonSchema.FromText("""{ "required": ["b", "z"], "properties": { "a": {}, "b": {} }, "additionalProperties": false }""").ToFlatObject()!;

        Assert.That(flat.Names, Is.EqualTo(new[] { "a", "b", "z" }));
        Assert.That(flat.Names.Select((_, i) => flat.IsRequired(i)), Is.EqualTo(new[] { false, true, true }));
        Assert.That((flat.IndexOf("b"), flat.IndexOf("other"), flat.AcceptsUnnamed), Is.EqualTo((1, -1, false)));
        Assert.That(flat.AcceptsString(flat.IndexOf("z"), "x"), Is.False, "a name only required lists is not declared: additionalProperties false refuses its value");
    }
}
