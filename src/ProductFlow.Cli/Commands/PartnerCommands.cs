using System.CommandLine;
using ProductFlow.Access;
using ProductFlow.Catalog;
using ProductFlow.Pipelines;

namespace ProductFlow.Cli.Commands;

/// <summary><c>partner add|grant|revoke-channel|rotate-key|disable|list|activity</c>: the partners who pull channel exports over the API, and their keys.</summary>
internal static class PartnerCommands
{
    public static Command Partner() => PrincipalCommands.Create(new PrincipalSpec(
        PrincipalKind.Partner, "partner", "channel", "-c", "pull", "disable", "Manage the partners who pull channel exports, and their keys.",
        PublishOptions.Catalog, "the catalog", result => CatalogLoader.Load(PublishOptions.CatalogPath(result)).Channels.Select(c => c.Code).ToList(),
        "acme", "web",
        ["productflow partner add acme --channel partner", "productflow partner add acme --channel partner --channel google --store postgresql://productflow@db.internal/productflow"]));
}
