using System.CommandLine;
using ProductFlow.Access;
using ProductFlow.Pipelines;

namespace ProductFlow.Cli.Commands;

/// <summary><c>user add|grant|revoke-pipeline|set-role|rotate-key|disable|list|activity</c>: the people who sign in to the steward console
/// (<c>productflow serve</c>), their role (steward or admin), the pipelines a steward works on, and their keys.</summary>
internal static class UserCommands
{
    public static Command User() => PrincipalCommands.Create(new PrincipalSpec(
        PrincipalKind.User, "user", "pipeline", "-p", "work on", "disable",
        "Manage the people who sign in to the console: their role (steward or admin), the pipelines a steward works on, and their keys.",
        PipelineFolder.Option, "the pipelines folder", result => PipelineFiles.Load(PipelineFolder.Of(result)).Select(p => p.Definition.Name).ToList(),
        "ada", "demo",
        ["productflow user add ada --role steward --pipeline demo", "productflow user add grace --role admin --store postgresql://productflow@db.internal/productflow"])
    {
        Roles = UserRoles.All,
        GrantRequired = false,
    });
}
