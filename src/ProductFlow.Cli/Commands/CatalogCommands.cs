using System.CommandLine;
using ProductFlow.Catalog;
using ProductFlow.Catalog.Akeneo;
using ProductFlow.Cli.Output;
using ProductFlow.Pipelines;

namespace ProductFlow.Cli.Commands;

/// <summary><c>catalog import --from akeneo DIR</c>: a ProductFlow catalog from Akeneo's structure exports.</summary>
internal static class CatalogCommands
{
    private static readonly Argument<string> Folder = new("folder") { Description = "The folder holding Akeneo's channels.csv, attributes.csv, attribute_options.csv, families.csv, family_variants.csv, categories.csv." };
    private static readonly Option<string> From = new("--from") { Description = "The source system: akeneo.", Required = true };
    private static readonly Option<string?> Output = new("--output", "-o") { Description = "The catalog file to write; default: stdout." };

    public static Command Create()
    {
        var import = new Command("import", "Build a catalog file from another PIM's exports.") { Folder, From, Output }
            .WithExamples("productflow catalog import --from akeneo exports/akeneo", "productflow catalog import --from akeneo exports/akeneo --output schemas/catalog.json");
        import.SetAction(ImportAsync);
        return new Command("catalog", "Work with catalog files.") { import };
    }

    private static async Task<int> ImportAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var from = result.GetRequiredValue(From);
        if (from != "akeneo")
        {
            throw new ProductFlowException($"unknown source system '{from}'") { Hint = "--from akeneo" };
        }

        var folder = result.GetRequiredValue(Folder);
        if (!Directory.Exists(folder))
        {
            throw new ProductFlowException($"folder '{folder}' does not exist") { Hint = "give the folder of the Akeneo CSV exports" };
        }

        var import = await AkeneoCatalogImporter.ImportAsync(folder, cancellationToken).ConfigureAwait(false);
        foreach (var warning in import.Warnings)
        {
            await Console.Error.WriteLineAsync("warning: " + warning).ConfigureAwait(false);
        }

        var output = result.GetValue(Output);
        var stream = output is null ? Console.OpenStandardOutput() : File.Create(output);
        await using (stream.ConfigureAwait(false))
        {
            await CatalogWriter.WriteAsync(import.Catalog, stream, cancellationToken).ConfigureAwait(false);
        }

        var catalog = import.Catalog;
        await Console.Error.WriteLineAsync(
            $"imported {catalog.Attributes.Count} attributes, {catalog.Families.Count} families, {catalog.Scopes.Count} channels (as scopes), " +
            $"{catalog.Categories.Count} categories, {catalog.Locales.Count} locales, {catalog.Currencies.Count} currencies").ConfigureAwait(false);
        return ExitCodes.Completed;
    }
}
