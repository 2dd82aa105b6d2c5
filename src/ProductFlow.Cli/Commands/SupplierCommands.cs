using System.CommandLine;
using ProductFlow.Access;
using ProductFlow.Pipelines;

namespace ProductFlow.Cli.Commands;

/// <summary><c>supplier add|grant|revoke-pipeline|rotate-key|revoke|list|activity</c>: the suppliers who upload feeds to the service
/// (<c>POST /feeds/{pipeline}</c>), the pipelines each may feed, and their keys.</summary>
internal static class SupplierCommands
{
    public static Command Supplier() => PrincipalCommands.Create(new PrincipalSpec(
        PrincipalKind.Supplier, "supplier", "pipeline", "-p", "upload to", "revoke", "Manage the suppliers who upload feeds, the pipelines each may feed, and their keys.",
        PipelineFolder.Option, "the pipelines folder", result => PipelineFiles.Load(PipelineFolder.Of(result)).Select(p => p.Definition.Name).ToList(),
        "nordic", "demo",
        ["productflow supplier add nordic --pipeline demo", "productflow supplier add nordic --pipeline demo --pipelines /srv/productflow/pipelines --store postgresql://productflow@db.internal/productflow"]));
}
