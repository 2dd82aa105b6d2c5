using ProductFlow.Catalog;
using ProductFlow.Catalog.Akeneo;
using ProductFlow.Channels.Web;
using ProductFlow.Pipelines;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Connectors.Akeneo;

/// <summary>
/// The hand-made Akeneo 7 export under TestData/akeneo-catalog: structure (two family variants in one family, media attributes),
/// product_models.csv (root models and sub-models, a sub-model before its root) and products.csv (variants shuffled, simple products
/// in a variant family, media paths, associations with quantities, groups); and a pipeline over it with two channels.
/// </summary>
internal static class AkeneoCatalogData
{
    public static string Folder => TestPaths.InRepository("tests", "ProductFlow.Tests", "TestData", "akeneo-catalog");

    public static string Models => Path.Combine(Folder, "product_models.csv");

    public static string Products => Path.Combine(Folder, "products.csv");

    /// <summary>The catalog imported from the export, with a web channel (media under a base URL) and a partner channel, and an
    /// <c>akeneo-csv</c> pipeline (<paramref name="mode"/>) feeding both; returns the pipeline file.</summary>
    public static async Task<string> WritePipelineAsync(TempDirectory dir, string mode = "partial", params ChannelDefinition[] more)
    {
        var catalog = (await AkeneoCatalogImporter.ImportAsync(Folder)).Catalog;
        catalog.Channels =
        [
            new ChannelDefinition
            {
                Code = "web", Kind = WebJsonWriter.Kind, Locale = "en_US", Currency = "EUR", MediaBaseUrl = "https://media.example.com/akeneo/",
                Web = new WebOptions { Attributes = new Dictionary<string, string> { ["title"] = "", ["image"] = "picture", ["brand"] = "", ["gtin"] = "" } },
            },
            new ChannelDefinition
            {
                Code = "partner", Kind = "partner-csv", Locale = "en_US", Currency = "EUR", Delimiter = ";",
                Columns =
                [
                    new ChannelColumn { Header = "SKU", Value = "sku" }, new ChannelColumn { Header = "Name", Value = "name" },
                    new ChannelColumn { Header = "Colour", Value = "color" }, new ChannelColumn { Header = "Price", Value = "price" },
                ],
            },
            .. more,
        ];
        var catalogPath = dir.Combine("catalog.json");
        var written = new MemoryStream();
        await CatalogWriter.WriteAsync(catalog, written);

        // The writer writes every channel's (empty) columns, which only a CSV channel may have.
        var json = System.Text.Json.Nodes.JsonNode.Parse(written.ToArray())!;
        foreach (var channel in json["channels"]!.AsArray())
        {
            if (channel!["columns"]!.AsArray().Count == 0)
            {
                channel.AsObject().Remove("columns");
            }
        }

        await File.WriteAllTextAsync(catalogPath, json.ToJsonString());

        var channels = string.Join(", ", catalog.Channels.Select(c => $"\"{c.Code}\""));
        return dir.File("akeneo.json", $$"""
            { "name": "akeneo", "catalog": "catalog.json", "mode": "{{mode}}", "source": { "format": "akeneo-csv" }, "channels": [{{channels}}] }
            """);
    }

    public static LoadedPipeline Load(string pipeline) => PipelineLoader.Load(pipeline);
}
