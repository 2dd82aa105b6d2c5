using CsvHelper;

namespace ProductFlow.Bench.Feeds;

/// <summary>
/// Writes the generator's rows as an Akeneo PIM product export (<c>format: akeneo-csv</c>) for the demo catalog
/// (schemas/catalog.json): <c>;</c>-separated, <c>attribute-locale</c> columns, <c>price-EUR</c>, <c>weight</c> + <c>weight-unit</c>,
/// option codes in lower case, categories comma-separated, <c>enabled</c> as 1/0, line breaks as Akeneo's literal <c>\n</c>.
/// </summary>
internal static class AkeneoFeedWriter
{
    /// <summary>Each Akeneo column and the generator column it is read from (<c>null</c>: a constant).</summary>
    private static readonly (string Akeneo, string? Source)[] Layout =
    [
        ("sku", "sku"), ("family", "family"), ("parent", "model"), ("categories", "category"), ("enabled", "active"),
        ("name-en_US", "name_en"), ("name-de_DE", "name_de"), ("name-fr_FR", "name_fr"),
        ("description-en_US", "description_en"), ("description-de_DE", "description_de"), ("brand", "brand"), ("color", "colour"),
        ("size", "size"), ("price-EUR", "price_eur"), ("gtin", "gtin"), ("weight", "weight_kg"), ("weight-unit", null),
        ("material-en_US", "material_en"), ("image", "image_url"), ("stock", "stock"),
    ];

    public static GeneratedFeed Write(FeedGenerator generator, string path, int rows)
    {
        ArgumentNullException.ThrowIfNull(generator);
        var index = Layout.Select(c => c.Source is null ? -1 : Array.IndexOf(FeedGenerator.Columns, c.Source)).ToArray();
        var defects = new Dictionary<string, int>(StringComparer.Ordinal);
        var written = 0;
        var record = new string[Layout.Length];
        using (var writer = CsvWriter.ToFile(path, CsvWriterOptions.Default with { Separator = ';', NewLine = "\n" }))
        {
            writer.WriteRecord(Layout.Select(c => c.Akeneo).ToArray());
            foreach (var row in generator.Rows(rows, defects))
            {
                for (var i = 0; i < Layout.Length; i++)
                {
                    record[i] = Cell(Layout[i].Akeneo, index[i] < 0 ? "" : row[index[i]]);
                }

                writer.WriteRecord(record);
                written++;
            }
        }

        return new GeneratedFeed(path, written, new FileInfo(path).Length, defects);
    }

    private static string Cell(string column, string text) => column switch
    {
        "categories" => text.Replace('|', ','),
        "enabled" => text == "yes" ? "1" : "0",
        "color" or "size" => text.ToLowerInvariant(),
        "weight-unit" => "KILOGRAM",
        _ => text.Replace("\n", "\\n", StringComparison.Ordinal),
    };
}
