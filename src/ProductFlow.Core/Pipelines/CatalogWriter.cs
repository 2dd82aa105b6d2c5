using System.Text.Json;
using System.Text.Json.Serialization;
using ProductFlow.Catalog;

namespace ProductFlow.Pipelines;

/// <summary>Writes a catalog as the JSON file <see cref="CatalogLoader"/> reads (schemas/catalog.schema.json).</summary>
public static class CatalogWriter
{
    private static readonly DefinitionJsonContext Context = new(new JsonSerializerOptions(DefinitionJsonContext.Default.Options)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    });

    public static async Task WriteAsync(ProductCatalog catalog, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(output);
        await JsonSerializer.SerializeAsync(output, catalog, Context.ProductCatalog, cancellationToken).ConfigureAwait(false);
        output.WriteByte((byte)'\n');
    }
}
