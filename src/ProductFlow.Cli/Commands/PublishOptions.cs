using System.CommandLine;

namespace ProductFlow.Cli.Commands;

/// <summary>The options of the commands that publish or preview channels.</summary>
internal static class PublishOptions
{
    public const string CatalogVariable = "PRODUCTFLOW_CATALOG";

    public static readonly Option<string?> Catalog = new("--catalog")
    {
        Description = "The catalog that defines the channels (default: PRODUCTFLOW_CATALOG, else schemas/catalog.json).",
    };

    public static readonly Option<string?> Exports = new("--exports")
    {
        Description = "Where channels are published: a folder, or blob:<container>[/<prefix>] with the connection string in PRODUCTFLOW_BLOB (default: PRODUCTFLOW_EXPORTS, else <data>/exports).",
    };

    public static readonly Option<bool> AllowMassDelete = new("--allow-mass-delete")
    {
        Description = "Let a full run remove more than the pipeline's maxRemovedShare of its SKUs, and a publication remove every record of a channel.",
    };

    public static string CatalogPath(ParseResult result) =>
        result.GetValue(Catalog) is { Length: > 0 } given ? given
        : Environment.GetEnvironmentVariable(CatalogVariable) is { Length: > 0 } configured ? configured
        : Path.Combine("schemas", "catalog.json");
}
