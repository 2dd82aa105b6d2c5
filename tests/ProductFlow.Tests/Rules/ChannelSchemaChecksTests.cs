using System.Buffers;
using System.Text.Json;
using ProductFlow.Catalog;
using ProductFlow.Mapping;
using ProductFlow.Model;
using ProductFlow.Rules;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Rules;

/// <summary>
/// Rule <c>schema</c>'s slot checks against the JSON path they replace: over generated channel views (every attribute type,
/// valid and invalid values, absent values, scoped values the view must not pick), the checks give the validator's verdict on
/// the view's JSON, and the rule reports exactly the issues it reports without them.
/// </summary>
public class ChannelSchemaChecksTests
{
    private const int ViewsPerSchema = 1000;

    private static readonly ProductFlow.JsonSchema.SchemaOptions Formats = new() { AssertFormat = true };

    /// <summary>Flat schemas, each with a name: every covered keyword, type lists, draft-07, closed objects, required-only names.</summary>
    private static readonly (string Name, string Text)[] Schemas =
    [
        ("partner", File.ReadAllText(TestPaths.InRepository("schemas", "channels", "partner.schema.json"))),
        ("shop", File.ReadAllText(TestPaths.InRepository("src", "ProductFlow.Cli", "Scaffold", "shop.schema.json"))),
        ("keywords", """
            {
              "type": "object",
              "required": ["sku", "name", "qty"],
              "properties": {
                "sku": { "type": "string", "minLength": 1, "maxLength": 12, "pattern": "^[A-Z0-9-]+$" },
                "name": { "type": ["string", "number"], "minLength": 2, "maxLength": 11 },
                "qty": { "type": "integer", "minimum": 1, "maximum": 10 },
                "stock": { "type": ["integer", "string"], "exclusiveMinimum": -1, "exclusiveMaximum": 100 },
                "price": { "type": "number", "minimum": 0.5, "maximum": 99.99 },
                "weight": { "enum": [0.18, 1, 2.50, 10, "heavy", true, null] },
                "flag": { "type": "boolean" },
                "color": { "enum": ["red", "blue", "é", "😀"] },
                "colors": { "type": "array", "minItems": 1, "maxItems": 2, "items": { "enum": ["red", "blue", "green"] } },
                "code": { "pattern": "^[A-Z]{3}-[0-9]{6}(-[A-Z0-9]{1,4})?$" },
                "description": { "minLength": 3, "maxLength": 5 },
                "link": { "type": "string", "format": "uri" },
                "released": { "format": "date" },
                "email": { "type": "string", "format": "email" },
                "uuid": { "format": "uuid" },
                "image": { "type": "string", "format": "uri-reference" },
                "note": { "const": "ok" },
                "enabled": { "enum": [true, false] },
                "family": { "enum": ["tshirts", "shoes"] },
                "parent": { "type": "string", "minLength": 1 },
                "categories": { "type": "array", "maxItems": 3, "items": { "type": "string", "pattern": "^(apparel|shoes)" } }
              }
            }
            """),
        ("closed-draft-07", """
            {
              "$schema": "http://json-schema.org/draft-07/schema#",
              "type": "object",
              "required": ["sku", "gtin"],
              "additionalProperties": false,
              "properties": {
                "sku": { "type": "string" }, "categories": { "type": "array" }, "enabled": { "type": "boolean" }, "parent": true, "family": { "maxLength": 7 },
                "name": { "type": "string", "pattern": "^\\p{Lu}" },
                "gtin": { "type": "string", "pattern": "^[0-9]{8,14}$" },
                "price": { "type": "number", "exclusiveMinimum": 0 },
                "colors": { "items": { "minLength": 3 } },
                "flag": { "enum": [true] },
                "stock": { "type": "integer" },
                "weight": {}, "color": { "type": "string", "maxLength": 4 }, "description": { "type": "string" },
                "code": {}, "link": {}, "released": {}, "email": {}, "note": { "maxLength": 2 }, "image": {}, "qty": {}
              }
            }
            """),
        ("required-only", """
            {
              "required": ["sku", "gtin", "name"],
              "properties": {
                "sku": { "minLength": 1 }, "stock": false, "ghost": { "type": "string" },
                "name": { "type": ["string", "boolean"], "minLength": 3, "maxLength": 3, "pattern": "^(Tee|Top|[a-z]+)$" },
                "colors": { "maxItems": 2 }, "flag": { "type": ["integer", "boolean"] }, "qty": { "type": "number", "maximum": 10 }
              }
            }
            """),
    ];

    private static readonly string[] Texts =
    [
        "", " ", "a", "ab", "abc", "abcd", "abcdef", "Classic Tee", "Tee", "tee", "TEE", "é", "e\u0301", "日本語", "😀", "😀😀", "a😀", "😀😀😀",
        "<b>&'\"+`", "line\nbreak", "tab\t", new string('x', 151), new string('é', 300), "12345678", "4006381001007", "400638100100A",
        "1234567", "123456789012345", "https://example.com/a.jpg", "http://x", "not a uri", "/relative/path", "2024-02-29", "2023-02-29",
        "2024-13-01", "red", "blue", "RED", "green", "heavy", "ok", "OK", "null", "true", "1", "1.0", "ABC-123456", "ABC-123456-XY",
        "ABC-12345", "abc-123456", "someone@example.com", "someone@", "123e4567-e89b-12d3-a456-426614174000", "123e4567-e89b-12d3-a456",
        "apparel", "apparel_tshirts", "shoes", "SKU-1", "sku-1", "Ünïcödé", "\u00a0", "\u2028", "lone \uD800 surrogate", "\uDC00",
    ];

    private static readonly string[] Numbers =
    [
        "0", "-0", "0.0", "1", "1.0", "1.00", "1.5", "2.5", "2.50", "0.18", "0.180", "0.5", "0.49", "50", "50.0", "50.000001", "-1", "-0.5", "1e3",
        "1E1", " 12.5 ", "12,5", "abc", "", "0.1", "10", "10.0", "11", "99.99", "99.990", "100", "99.9900001", "3",
        "79228162514264337593543950335", "-79228162514264337593543950335", "0.0000000000000000000000000001", "1234567890.1234567890123",
    ];

    private static readonly string[] Booleans = ["true", "false", "yes", "", "TRUE", "1"];

    private static readonly string[] Codes = ["", ",", "red", "blue", "red,blue", "red,,blue", ",red,", "red,green,blue", "bad code", "é,red", "ab"];

    private static readonly string[] Media = ["files/a b.jpg", "https://x.example/a.jpg", "", "8/a/0/f/photo.jpg", "100%.jpg", "a b"];

    private static readonly ProductCatalog Catalog = new()
    {
        Locales = ["en_US", "de_DE"],
        Currencies = ["EUR", "USD"],
        Attributes =
        [
            new AttributeDefinition { Code = "name", Type = AttributeType.Text, Localizable = true },
            new AttributeDefinition { Code = "description", Type = AttributeType.Textarea, Localizable = true },
            new AttributeDefinition { Code = "gtin", Type = AttributeType.Identifier },
            new AttributeDefinition { Code = "price", Type = AttributeType.Price },
            new AttributeDefinition { Code = "weight", Type = AttributeType.Metric, MetricFamily = "mass", Unit = "kg" },
            new AttributeDefinition { Code = "stock", Type = AttributeType.Number },
            new AttributeDefinition { Code = "qty", Type = AttributeType.Number },
            new AttributeDefinition { Code = "flag", Type = AttributeType.Boolean },
            new AttributeDefinition { Code = "color", Type = AttributeType.Select },
            new AttributeDefinition { Code = "colors", Type = AttributeType.MultiSelect },
            new AttributeDefinition { Code = "image", Type = AttributeType.Media },
            new AttributeDefinition { Code = "link", Type = AttributeType.Url },
            new AttributeDefinition { Code = "released", Type = AttributeType.Date },
            new AttributeDefinition { Code = "code", Type = AttributeType.Text },
            new AttributeDefinition { Code = "email", Type = AttributeType.Text },
            new AttributeDefinition { Code = "uuid", Type = AttributeType.Identifier },
            new AttributeDefinition { Code = "note", Type = AttributeType.Text, Scopable = true },
        ],
    };

    private static readonly ChannelDefinition Shop = new()
    {
        Code = "shop", Kind = "partner-csv", Locale = "en_US", Currency = "EUR", MediaBaseUrl = "https://cdn.example.com/media/",
    };

    [Test]
    public void Slot_checks_give_the_validators_verdict_and_the_rule_the_same_issues_over_generated_views()
    {
        var cases = 0;
        foreach (var (name, text) in Schemas)
        {
            var channel = ChannelWith(text);
            Assert.That(channel.FlatSchema, Is.Not.Null, name);
            var view = new ChannelView(channel, Catalog);
            var checks = ChannelSchemaChecks.Create(channel.FlatSchema, Catalog)!;
            using var fast = new ChannelSchemaRule(channel, Catalog, new ChannelView(channel, Catalog));
            using var json = new ChannelSchemaRule(channel, Catalog, new ChannelView(channel, Catalog), slotChecks: false);
            Assert.That((fast.UsesSlotChecks, json.UsesSlotChecks), Is.EqualTo((true, false)), name);

            var random = new Random(20);
            var (valid, invalid) = (0, 0);
            for (var i = 0; i < ViewsPerSchema; i++)
            {
                var record = Generate(random, i);
                var expected = ValidatorVerdict(channel, view, record);
                var actual = checks.IsValid(view, record);
                Assert.That(actual, Is.EqualTo(expected == true), $"schema {name}, view {i}: {Json(view, record)}");
                Assert.That(Outcome(fast, record), Is.EqualTo(Outcome(json, record)), $"schema {name}, view {i}: {Json(view, record)}");
                (valid, invalid) = expected == true ? (valid + 1, invalid) : (valid, invalid + 1);
                cases++;
            }

            TestContext.Out.WriteLine($"{name}: {valid} valid, {invalid} invalid");
            Assert.That(Math.Min(valid, invalid), Is.GreaterThan(ViewsPerSchema / 100), $"schema {name}: both valid ({valid}) and invalid ({invalid}) views are generated");
        }

        Assert.That(cases, Is.EqualTo(Schemas.Length * ViewsPerSchema));
    }

    [Test]
    public void A_catalog_with_an_attribute_named_like_a_record_field_keeps_the_json_path()
    {
        var catalog = new ProductCatalog { Locales = ["en_US"], Attributes = [new AttributeDefinition { Code = "family", Type = AttributeType.Text }] };
        var channel = ChannelWith("""{ "required": ["family"], "properties": { "family": { "minLength": 3 } } }""");

        using var rule = new ChannelSchemaRule(channel, catalog);

        Assert.That(rule.UsesSlotChecks, Is.False, "the view's JSON holds 'family' twice");
        var mapped = Some.Mapped(new ProductRecord("A-1") { Family = "tshirts" });
        rule.Apply(mapped, new RuleContext(new Dictionary<string, Severity>()));
        Assert.That(mapped.Issues, Is.Empty);
    }

    [Test]
    public void A_schema_the_checks_do_not_cover_keeps_the_json_path_and_its_issues()
    {
        var channel = ChannelWith("""{ "required": ["sku"], "properties": { "name": { "$ref": "#/$defs/text" } }, "$defs": { "text": { "minLength": 5 } } }""");
        using var rule = new ChannelSchemaRule(channel, Catalog);
        var record = new ProductRecord("A-1");
        record.Values.Add(new ProductValue("name", "en_US", null, "Tee", ValueOrigin.FromRule("test")));
        var mapped = Some.Mapped(record);

        rule.Apply(mapped, new RuleContext(new Dictionary<string, Severity>()));

        Assert.That(rule.UsesSlotChecks, Is.False);
        Assert.That(mapped.Issues.Select(i => (i.Rule, i.Severity, i.Channel, i.Field, i.Value, i.Message)), Is.EqualTo(new[]
        {
            (RuleIds.ChannelSchema, Severity.Error, "shop", "name", "Tee", "channel 'shop': name must be at least 5 characters long"),
        }));
    }

    [Test]
    public void The_demo_partner_channel_checks_its_records_without_json()
    {
        var channel = ProductFlow.Tests.Channels.ChannelRecords.Channel("partner");

        using var rule = new ChannelSchemaRule(channel, ProductFlow.Tests.Channels.ChannelRecords.Catalog);

        Assert.That(rule.UsesSlotChecks, Is.True);
    }

    private static ChannelDefinition ChannelWith(string schema)
    {
        var compiled = ProductFlow.JsonSchema.JsonSchema.FromText(schema, options: Formats);
        return new ChannelDefinition
        {
            Code = Shop.Code, Kind = Shop.Kind, Locale = Shop.Locale, Currency = Shop.Currency, MediaBaseUrl = Shop.MediaBaseUrl, Schema = "shop.schema.json",
            CompiledSchema = compiled, FlatSchema = compiled.ToFlatObject(),
        };
    }

    /// <summary>A record with values the shop's view must not pick, and every other view one whose values are nearly all present and
    /// plausible (the others: each value absent a third of the time, most of them drawn from every kind of value).</summary>
    private static ProductRecord Generate(Random random, int index)
    {
        var careful = index % 2 == 0;
        var sku = Pick(random, ["", "sku with space", "😀", "ABC-123456", "SKU-" + index], 0.8, "SKU-" + index);
        var record = new ProductRecord(sku) { Feed = "feed.csv", Line = index + 2 };
        record.Parent = random.NextDouble() < 0.5 ? null : Pick(random, ["MODEL-1", ""], 0.8, "MODEL-1");
        record.Family = random.NextDouble() < 0.3 ? null : Pick(random, ["tshirts", "shoes", "hats"], 0.5, "tshirts");
        record.Categories = [.. Enumerable.Range(0, random.Next(4)).Select(_ => Pick(random, ["apparel", "apparel_tshirts", "shoes", ""], 0.6, "apparel"))];

        if (random.NextDouble() < 0.2)
        {
            record.Enabled = false;
        }

        foreach (var attribute in Catalog.Attributes)
        {
            // Values of another locale, channel or currency: the view must leave them out.
            if (random.NextDouble() < 0.2)
            {
                record.Values.Add(new ProductValue(attribute.Code, "de_DE", null, "abc", ValueOrigin.FromRule("test")));
                record.Values.Add(new ProductValue(attribute.Code, null, "other", "x", ValueOrigin.FromRule("test")));
                record.Values.Add(new ProductValue(attribute.Code, null, null, "5", ValueOrigin.FromRule("test")) { Currency = "USD" });
            }

            if (random.NextDouble() < (careful ? 0.1 : 0.33))
            {
                continue;
            }

            var bias = careful ? 0.97 : 0.5;
            var data = attribute.Type switch
            {
                AttributeType.Number or AttributeType.Price or AttributeType.Metric => Pick(random, Numbers, bias, "1", "2.5", "10"),
                AttributeType.Boolean => Pick(random, Booleans, bias, "true"),
                AttributeType.MultiSelect => Pick(random, Codes, bias, "red", "red,blue"),
                AttributeType.Media => Pick(random, Media, bias, "files/a b.jpg"),
                _ => Plausible(random, attribute.Code, bias) ?? Pick(random, Texts, 0),
            };
            var locale = attribute.Localizable ? "en_US" : null;
            var scope = attribute.Scopable && random.NextDouble() < 0.5 ? "shop" : null;
            record.Values.Add(new ProductValue(attribute.Code, locale, scope, data, ValueOrigin.FromRule("test")) { Currency = attribute.Type == AttributeType.Price ? "EUR" : null });
        }

        return record;
    }

    private static string? Plausible(Random random, string attribute, double bias) => random.NextDouble() >= bias ? null : attribute switch
    {
        "name" => Pick(random, ["Classic Tee", "Tee", "Top"], 0),
        "gtin" => "4006381001007",
        "code" => "ABC-123456",
        "link" => "https://example.com/a.jpg",
        "released" => "2024-02-29",
        "email" => "someone@example.com",
        "uuid" => "123e4567-e89b-12d3-a456-426614174000",
        "color" => "red",
        "note" => "ok",
        "description" => "abcd",
        _ => null,
    };

    /// <summary>One of <paramref name="likely"/> with probability <paramref name="bias"/>, else any of <paramref name="values"/>.</summary>
    private static string Pick(Random random, string[] values, double bias, params string[] likely) =>
        likely.Length > 0 && random.NextDouble() < bias ? likely[random.Next(likely.Length)] : values[random.Next(values.Length)];

    /// <summary>The validator's verdict on the view's JSON; <c>null</c> when the view cannot be written as JSON.</summary>
    private static bool? ValidatorVerdict(ChannelDefinition channel, ChannelView view, ProductRecord record)
    {
        string text;
        try
        {
            text = Json(view, record);
        }
        catch (ArgumentException)
        {
            return null;
        }

        using var document = JsonDocument.Parse(text);
        return channel.CompiledSchema!.IsValid(document.RootElement);
    }

    private static string Json(ChannelView view, ProductRecord record)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            view.WriteJson(record, writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>What the rule does with a record: its issues, or the exception it throws.</summary>
    private static string Outcome(ChannelSchemaRule rule, ProductRecord record)
    {
        var mapped = Some.Mapped(record);
        try
        {
            rule.Apply(mapped, new RuleContext(new Dictionary<string, Severity>()));
        }
        catch (ArgumentException e)
        {
            return e.GetType().Name + ": " + e.Message;
        }

        return string.Join("\n", mapped.Issues.Select(i => i.ToString()));
    }
}
