using System.Globalization;
using CsvHelper;
using ProductFlow.Rules;

namespace ProductFlow.Bench.Feeds;

/// <summary>
/// A deterministic generator of realistic supplier feeds in the demo's format (pipelines/demo.json reads its
/// output): product models with 1-12 variants (colour x size), 24 columns, text in three languages with commas,
/// quotes and line breaks inside quoted fields, and ~3% defects (bad GTIN, missing price, unknown colour,
/// repeated SKU). The same rows and seed give the same bytes.
/// </summary>
internal sealed class FeedGenerator(int seed)
{
    public static readonly string[] Columns =
    [
        "sku", "model", "family", "category", "name_en", "name_de", "name_fr", "description_en", "description_de",
        "brand", "colour", "size", "price_eur", "gtin", "weight_kg", "material_en", "image_url", "stock", "active",
        "season", "country_of_origin", "care_en", "supplier_ref", "hs_code",
    ];

    private static readonly (string En, string De, string Fr)[] Tees =
    [
        ("Classic Tee", "Klassisches T-Shirt", "T-shirt classique"), ("Organic Crew Tee", "Bio-Rundhals-Shirt", "T-shirt col rond bio"),
        ("Heavyweight Tee", "Schweres T-Shirt", "T-shirt épais"), ("V-Neck Tee", "T-Shirt mit V-Ausschnitt", "T-shirt col V"),
        ("Pocket Tee", "T-Shirt mit Brusttasche", "T-shirt à poche"), ("Long Sleeve Tee", "Langarmshirt", "T-shirt manches longues"),
    ];

    private static readonly (string En, string De, string Fr)[] Hoodies =
    [
        ("Zip Hoodie", "Kapuzenjacke", "Sweat zippé"), ("Pullover Hoodie", "Kapuzenpullover", "Sweat à capuche"),
        ("Fleece Hoodie", "Fleece-Hoodie", "Sweat polaire"), ("Tech Hoodie", "Funktions-Hoodie", "Sweat technique"),
    ];

    private static readonly string[] Colours = ["black", "white", "navy", "red", "grey", "green", "blue"];
    private static readonly string[] ColourCodes = ["BLK", "WHT", "NVY", "RED", "GRY", "GRN", "BLU"];
    private static readonly string[] Sizes = ["XS", "S", "M", "L", "XL", "XXL"];
    private static readonly string[] Brands = ["Northwind Apparel", "Fjordline", "Alpenkraft", "Côte & Cie"];
    private static readonly string[] Seasons = ["SS25", "AW25", "SS26", "AW26"];
    private static readonly string[] Countries = ["PT", "TR", "BD", "IN", "DE"];

    private readonly Random _random = new(seed);

    /// <summary>Writes <paramref name="rows"/> data rows (plus a header) to <paramref name="path"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="rows">How many data rows.</param>
    /// <param name="changedPercent">Of every 100 rows, the first this many with a price have it 1.00 higher: the same feed a day later.</param>
    public GeneratedFeed WriteCsv(string path, int rows, int changedPercent = 0)
    {
        var defects = new Dictionary<string, int>(StringComparer.Ordinal);
        var written = 0;
        var price = Array.IndexOf(Columns, "price_eur");
        using (var writer = CsvWriter.ToFile(path, CsvWriterOptions.Default with { NewLine = "\r\n" }))
        {
            writer.WriteRecord(Columns);
            foreach (var row in Rows(rows, defects))
            {
                if (written % 100 < changedPercent && decimal.TryParse(row[price], NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
                {
                    row[price] = (value + 1m).ToString("0.00", CultureInfo.InvariantCulture);
                }

                writer.WriteRecord(row);
                written++;
            }
        }

        return new GeneratedFeed(path, written, new FileInfo(path).Length, defects);
    }

    /// <summary>Writes the rows of <see cref="WriteCsv"/> in a random order (seeded by the generator's seed): every model's variants scattered.</summary>
    /// <remarks>The generator holds the rows to shuffle them (about 1.5 GB at a million rows); what is measured is the run that reads the file.</remarks>
    public GeneratedFeed WriteShuffledCsv(string path, int rows)
    {
        var defects = new Dictionary<string, int>(StringComparer.Ordinal);
        var all = Rows(rows, defects).ToArray();
        new Random(seed).Shuffle(all);
        using (var writer = CsvWriter.ToFile(path, CsvWriterOptions.Default with { NewLine = "\r\n" }))
        {
            writer.WriteRecord(Columns);
            foreach (var row in all)
            {
                writer.WriteRecord(row);
            }
        }

        return new GeneratedFeed(path, all.Length, new FileInfo(path).Length, defects);
    }

    /// <summary>
    /// The data rows of a feed, in <see cref="Columns"/> order: the same rows, defects and counts whatever format writes them.
    /// A row is a fresh array each time (writers may keep it).
    /// </summary>
    public IEnumerable<string[]> Rows(int rows, Dictionary<string, int> defects)
    {
        ArgumentNullException.ThrowIfNull(defects);
        var written = 0;
        for (var model = 0; written < rows; model++)
        {
            foreach (var row in Model(model))
            {
                if (written == rows)
                {
                    break;
                }

                var defect = Defect(row, defects);
                yield return row;
                written++;
                if (defect == "sku.unique" && written < rows)
                {
                    var again = (string[])row.Clone();
                    again[17] = "0";
                    yield return again;
                    written++;
                }
            }
        }
    }

    private IEnumerable<string[]> Model(int model)
    {
        var hoodie = _random.NextDouble() < 0.35;
        var (en, de, fr) = hoodie ? Hoodies[_random.Next(Hoodies.Length)] : Tees[_random.Next(Tees.Length)];
        var code = $"{(hoodie ? "HD" : "TS")}-{100000 + model}";
        var brand = Brands[_random.Next(Brands.Length)];
        var edition = _random.NextDouble() < 0.1 ? ", \"Weekend\" Edition" : $" {1 + (model % 9)}";
        var colourCount = 1 + _random.Next(3);
        var sizeStart = _random.Next(Sizes.Length - 3);
        var sizeCount = 1 + _random.Next(4);
        var price = (hoodie ? 49.9m : 19.9m) + (5 * _random.Next(6));
        var material = hoodie ? "80% cotton, 20% polyester" : "100% cotton";
        var season = Seasons[_random.Next(Seasons.Length)];
        var country = Countries[_random.Next(Countries.Length)];
        var care = _random.NextDouble() < 0.2 ? "Machine wash 30 °C.\nDo not tumble dry." : "Machine wash 30 °C, inside out";
        var start = _random.Next(Colours.Length);
        for (var c = 0; c < colourCount; c++)
        {
            var colour = Colours[(start + c) % Colours.Length];
            var colourCode = ColourCodes[(start + c) % Colours.Length];
            for (var s = sizeStart; s < sizeStart + sizeCount; s++)
            {
                var size = Sizes[s];
                var sku = $"{code}-{colourCode}-{size}";
                yield return
                [
                    sku, code, hoodie ? "hoodies" : "tshirts", hoodie ? "apparel|apparel_hoodies" : "apparel|apparel_tshirts",
                    en + edition, de + edition, fr + edition,
                    $"{en}{edition} in {colour}, size {size}. Soft {(hoodie ? "cotton fleece" : "combed cotton")}, regular fit.",
                    $"{de} in {colour}, Größe {size}.",
                    brand, char.ToUpperInvariant(colour[0]) + colour[1..], size, price.ToString("0.00", CultureInfo.InvariantCulture),
                    Gtin(model, c, s), ((hoodie ? 0.55m : 0.18m) + (0.02m * s)).ToString("0.00", CultureInfo.InvariantCulture), material,
                    $"https://cdn.example.com/products/{code.ToLowerInvariant()}/{colour}.jpg",
                    _random.Next(200).ToString(CultureInfo.InvariantCulture), _random.NextDouble() < 0.02 ? "no" : "yes",
                    season, country, care, $"SUP-{_random.Next(1_000_000):D6}", hoodie ? "6110.20" : "6109.10",
                ];
            }
        }
    }

    /// <summary>Spoils ~3% of rows, one defect each, and counts them by the rule that should catch them.</summary>
    private string? Defect(string[] row, Dictionary<string, int> defects)
    {
        var roll = _random.NextDouble();
        string? rule = roll switch
        {
            < 0.008 => "gtin.check-digit",
            < 0.016 => "required",
            < 0.023 => "option.unknown",
            < 0.030 => "sku.unique",
            _ => null,
        };
        switch (rule)
        {
            case "gtin.check-digit":
                row[13] = row[13][..^1] + (char)('0' + ((row[13][^1] - '0' + 1) % 10));
                break;
            case "required":
                row[12] = "";
                break;
            case "option.unknown":
                row[10] = "Purple";
                break;
        }

        if (rule is not null)
        {
            defects[rule] = defects.GetValueOrDefault(rule) + 1;
        }

        return rule;
    }

    private static string Gtin(int model, int colour, int size)
    {
        var body = $"40{model:D7}{colour}{size:D2}";
        return body + ProductFlow.Rules.Gtin.CheckDigit(body).ToString(CultureInfo.InvariantCulture);
    }
}
