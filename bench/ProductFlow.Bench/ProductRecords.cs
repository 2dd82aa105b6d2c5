using System.Globalization;
using System.Text.Json;

namespace ProductFlow.Bench;

/// <summary>Realistic product channel-view records and the schema they are checked against.</summary>
/// <remarks>About 3% of the records break one rule (a bad GTIN, a missing name, a negative price,
/// an invalid date or URL, a missing size on apparel, an unknown category, an implausible weight).</remarks>
internal static class ProductRecords
{
    public static readonly string[] Categories =
    [
        "apparel.shirts", "apparel.trousers", "apparel.dresses", "apparel.jackets", "apparel.shoes", "apparel.socks",
        "home.kitchen", "home.bath", "home.decor", "home.furniture", "garden.tools", "garden.plants",
        "electronics.audio", "electronics.phones", "electronics.cables", "toys.puzzles", "toys.outdoor",
        "sports.cycling", "sports.running", "beauty.skincare",
    ];

    private static readonly string[] Brands = ["Nordwind", "Kestrel", "Aalto", "Brightline", "Oakridge", "Solace", "Trailhead", "Vireo"];
    private static readonly string[] Colors = ["black", "white", "navy", "olive", "sand", "red", "grey", "teal"];
    private static readonly string[] Sizes = ["XS", "S", "M", "L", "XL", "XXL"];
    private static readonly string[] Nouns = ["Shirt", "Trousers", "Kettle", "Towel", "Lamp", "Spade", "Headphones", "Cable", "Puzzle", "Bottle"];

    /// <summary>The schema, in draft-07 so both validators read it the same way.</summary>
    public static string Schema { get; } = $$"""
        {
          "$schema": "http://json-schema.org/draft-07/schema#",
          "title": "product channel view",
          "type": "object",
          "required": ["sku", "name", "brand", "price", "gtin", "image_url", "category"],
          "additionalProperties": false,
          "properties": {
            "sku": { "type": "string", "pattern": "^[A-Z]{3}-[0-9]{6}(-[A-Z0-9]{1,4})?$" },
            "parent": { "type": ["string", "null"], "pattern": "^[A-Z]{3}-[0-9]{6}$" },
            "name": { "type": "string", "minLength": 3, "maxLength": 150 },
            "description": { "type": "string", "maxLength": 5000 },
            "brand": { "type": "string", "minLength": 1, "maxLength": 70 },
            "color": { "type": "string", "minLength": 1, "maxLength": 40 },
            "size": { "type": "string", "minLength": 1, "maxLength": 20 },
            "price": { "type": "number", "exclusiveMinimum": 0, "maximum": 100000 },
            "sale_price": { "type": "number", "exclusiveMinimum": 0, "maximum": 100000 },
            "gtin": { "type": "string", "pattern": "^[0-9]{8,14}$" },
            "image_url": { "type": "string", "format": "uri", "maxLength": 2000 },
            "launch_date": { "type": "string", "format": "date" },
            "category": { "enum": [{{string.Join(", ", Categories.Select(c => "\"" + c + "\""))}}] },
            "weight_kg": { "type": "number", "minimum": 0.001, "maximum": 1000 }
          },
          "if": { "properties": { "category": { "pattern": "^apparel" } }, "required": ["category"] },
          "then": { "required": ["size"] }
        }
        """;

    /// <summary>Deterministic records as UTF-8 JSON, with how many were made invalid.</summary>
    public static (List<byte[]> Records, int Invalid) Generate(int count, int seed)
    {
        var random = new Random(seed);
        var records = new List<byte[]>(count);
        var invalid = 0;
        for (var i = 0; i < count; i++)
        {
            var breakRule = random.NextDouble() < 0.03 ? random.Next(8) : -1;
            invalid += breakRule >= 0 ? 1 : 0;
            records.Add(Record(random, i, breakRule));
        }

        return (records, invalid);
    }

    private static byte[] Record(Random random, int index, int breakRule)
    {
        // A missing size only breaks the rule on apparel, so that break picks an apparel category.
        var category = breakRule == 5 ? Categories[random.Next(6)] : Categories[random.Next(Categories.Length)];
        var isApparel = category.StartsWith("apparel", StringComparison.Ordinal);
        var parent = string.Create(CultureInfo.InvariantCulture, $"{Pick(random, ["ABC", "KTR", "NWD", "OAK"])}-{random.Next(1_000_000):D6}");
        var price = Math.Round(5 + (random.NextDouble() * 495), 2);
        var buffer = new MemoryStream(640);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("sku", parent + "-" + Pick(random, Sizes));
            writer.WriteString("parent", parent);
            if (breakRule != 1)
            {
                writer.WriteString("name", $"{Pick(random, Brands)} {Pick(random, Colors)} {Pick(random, Nouns)} {index % 97}");
            }

            writer.WriteString("description", "A durable everyday product made from responsibly sourced materials. Care instructions on the label; ships within two working days.");
            writer.WriteString("brand", Pick(random, Brands));
            writer.WriteString("color", Pick(random, Colors));
            if (isApparel && breakRule != 5)
            {
                writer.WriteString("size", Pick(random, Sizes));
            }

            writer.WriteNumber("price", breakRule == 2 ? -price : price);
            if (random.Next(4) == 0)
            {
                writer.WriteNumber("sale_price", Math.Round(price * 0.8, 2));
            }

            writer.WriteString("gtin", breakRule == 0 ? "40063813339X1" : string.Create(CultureInfo.InvariantCulture, $"{random.NextInt64(1_000_000_000_000, 9_999_999_999_999)}"));
            writer.WriteString("image_url", breakRule == 4 ? "cdn example com/img.jpg" : string.Create(CultureInfo.InvariantCulture, $"https://cdn.example.com/products/{parent}/main-{index % 5}.jpg"));
            writer.WriteString("launch_date", breakRule == 3 ? "2024-02-30" : string.Create(CultureInfo.InvariantCulture, $"20{random.Next(15, 26)}-{random.Next(1, 13):D2}-{random.Next(1, 29):D2}"));
            writer.WriteString("category", breakRule == 6 ? "apparel.hats-and-gloves" : category);
            writer.WriteNumber("weight_kg", breakRule == 7 ? 2500.0 : Math.Round(0.05 + (random.NextDouble() * 20), 3));
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
