using ProductFlow.Catalog;
using ProductFlow.Catalog.Akeneo;
using ProductFlow.Pipelines;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Connectors.Akeneo;

/// <summary>The small hand-written Akeneo export under TestData/akeneo, and its imported catalog written to a file.</summary>
internal static class AkeneoTestData
{
    public static string Folder => TestPaths.InRepository("tests", "ProductFlow.Tests", "TestData", "akeneo");

    public static string Products => Path.Combine(Folder, "products.csv");

    public static string Models => Path.Combine(Folder, "product_models.csv");

    public static async Task<string> WriteCatalogAsync(TempDirectory dir)
    {
        var import = await AkeneoCatalogImporter.ImportAsync(Folder);
        var path = dir.Combine("catalog.json");
        await using var file = File.Create(path);
        await CatalogWriter.WriteAsync(import.Catalog, file);
        return path;
    }
}
