using System.Text.Json;
using ProductFlow.JsonSchema;

namespace ProductFlow.Tests.JsonSchema;

[TestFixture]
public sealed class FormatAssertionTests
{
    private static readonly SchemaOptions Asserting = new() { AssertFormat = true };

    [TestCase("date", "2024-02-29", "2023-02-29")]
    [TestCase("date-time", "2024-05-01T12:30:00+02:00", "2024-05-01 12:30:00")]
    [TestCase("email", "steward@example.com", "steward.example.com")]
    [TestCase("uri", "https://cdn.example.com/img/1.jpg", "/img/1.jpg")]
    [TestCase("ipv4", "192.168.0.1", "192.168.0.256")]
    [TestCase("uuid", "2eb8aa08-aa98-11ea-b4aa-73b441d16380", "2eb8aa08-aa98-11ea-b4aa-73b441d1638")]
    [TestCase("regex", "^[0-9]{8,14}$", "^(abc]")]
    public void Format_is_asserted_only_when_asked(string format, string valid, string invalid)
    {
        var schemaText = $$"""{"format": "{{format}}"}""";
        var annotating = ProductFlow.JsonSchema.JsonSchema.FromText(schemaText);
        var asserting = ProductFlow.JsonSchema.JsonSchema.FromText(schemaText, options: Asserting);
        using var good = JsonDocument.Parse(JsonSerializer.Serialize(valid));
        using var bad = JsonDocument.Parse(JsonSerializer.Serialize(invalid));

        Assert.Multiple(() =>
        {
            Assert.That(annotating.IsValid(good.RootElement), Is.True, "annotation, valid value");
            Assert.That(annotating.IsValid(bad.RootElement), Is.True, "annotation, invalid value");
            Assert.That(asserting.IsValid(good.RootElement), Is.True, "assertion, valid value");
            Assert.That(asserting.IsValid(bad.RootElement), Is.False, "assertion, invalid value");
        });
    }

    [Test]
    public void Format_error_names_the_format()
    {
        var schema = ProductFlow.JsonSchema.JsonSchema.FromText("""{"properties": {"image_url": {"format": "uri"}}}""", options: Asserting);
        using var document = JsonDocument.Parse("""{"image_url": "not a uri"}""");

        var error = schema.Validate(document.RootElement).Errors.Single();

        Assert.That((error.InstanceLocation, error.KeywordLocation, error.Message), Is.EqualTo(("/image_url", "/properties/image_url/format", "must be a valid uri")));
    }

    [Test]
    public void Formats_ignore_values_that_are_not_strings()
    {
        var schema = ProductFlow.JsonSchema.JsonSchema.FromText("""{"format": "date"}""", options: Asserting);
        using var document = JsonDocument.Parse("20240101");

        Assert.That(schema.IsValid(document.RootElement), Is.True);
    }

    [Test]
    public void Unknown_format_stays_an_annotation_when_asserting()
    {
        var schema = ProductFlow.JsonSchema.JsonSchema.FromText("""{"format": "gtin"}""", options: Asserting);
        using var document = JsonDocument.Parse("\"abc\"");

        Assert.That(schema.IsValid(document.RootElement), Is.True);
    }
}
