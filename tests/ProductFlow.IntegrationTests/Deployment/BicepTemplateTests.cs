using ProductFlow.Tests.Support;

namespace ProductFlow.IntegrationTests.Deployment;

/// <summary>infra/ compiles and lints clean with the Bicep CLI, and declares every resource the service runs on.</summary>
public class BicepTemplateTests
{
    /// <summary>What the service needs from Azure (infra/README.md says what each is for).</summary>
    private static readonly string[] RequiredTypes =
    [
        "Microsoft.Storage/storageAccounts",
        "Microsoft.Storage/storageAccounts/blobServices",
        "Microsoft.Storage/storageAccounts/blobServices/containers",
        "Microsoft.EventGrid/topics",
        "Microsoft.DBforPostgreSQL/flexibleServers",
        "Microsoft.DBforPostgreSQL/flexibleServers/databases",
        "Microsoft.App/managedEnvironments",
        "Microsoft.App/containerApps",
        "Microsoft.KeyVault/vaults",
        "Microsoft.KeyVault/vaults/secrets",
        "Microsoft.ManagedIdentity/userAssignedIdentities",
        "Microsoft.Authorization/roleAssignments",
        "Microsoft.OperationalInsights/workspaces",
        "Microsoft.Insights/components",
    ];

    public static IEnumerable<string> Environments => CompiledInfra.Environments;

    [Test]
    public void Every_bicep_and_parameter_file_lints_without_an_error_or_a_warning()
    {
        var infra = CompiledInfra.Get();

        Assert.That(infra.SourceFiles, Does.Contain("main.bicep").And.Contains("dev.bicepparam").And.Contains("prod.bicepparam").And.Contains("subscriber.bicep"));
        Assert.That(infra.SourceFiles.Count(file => file.StartsWith("modules/", StringComparison.Ordinal)), Is.GreaterThan(5));
        Assert.That(infra.Lint.ExitCode, Is.Zero, infra.Lint.ToString());
        Assert.That(infra.Lint.Stderr.Trim(), Is.Empty, "lint diagnostics");
    }

    [Test]
    public void Every_bicep_file_builds_and_every_parameter_file_compiles_without_a_diagnostic()
    {
        var infra = CompiledInfra.Get();

        Assert.That(infra.Build.ExitCode, Is.Zero, infra.Build.ToString());
        Assert.That(infra.Build.Stderr.Trim(), Is.Empty, "build diagnostics");
        Assert.That(infra.BuildParams.ExitCode, Is.Zero, infra.BuildParams.ToString());
        Assert.That(infra.BuildParams.Stderr.Trim(), Is.Empty, "build-params diagnostics");
        foreach (var file in infra.SourceFiles.Where(file => file.EndsWith(".bicep", StringComparison.Ordinal)))
        {
            Assert.That(infra.Template(file)["$schema"]?.ToString(), Does.Contain("deploymentTemplate"), file);
        }
    }

    [Test]
    public void Every_suppressed_diagnostic_has_its_reason_written_above_it()
    {
        var unexplained = new List<string>();
        foreach (var file in Directory.EnumerateFiles(TestPaths.InRepository("infra"), "*.bicep*", SearchOption.AllDirectories))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].Trim();
                if (line.StartsWith("#disable-", StringComparison.Ordinal) && (i == 0 || !lines[i - 1].Trim().StartsWith("//", StringComparison.Ordinal)))
                {
                    unexplained.Add($"{Path.GetRelativePath(TestPaths.RepositoryRoot, file)}:{i + 1}: {line}");
                }
            }
        }

        Assert.That(unexplained, Is.Empty, "a #disable-next-line or #disable-diagnostics needs a // comment above it saying why");
    }

    [Test]
    public void The_compiled_template_declares_every_resource_the_service_needs()
    {
        var declared = CompiledInfra.ResourcesOf(CompiledInfra.Get().Template("main.bicep"))
            .Select(resource => (string)resource["type"]!).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.That(RequiredTypes.Where(type => !declared.Contains(type)), Is.Empty, "resource types main.bicep does not declare");
    }

    [TestCaseSource(nameof(Environments))]
    public void Each_environment_deploys_every_resource_the_service_needs(string environment)
    {
        var snapshot = CompiledInfra.Get().Snapshot(environment);
        var deployed = snapshot.Resources.Select(resource => (string)resource["type"]!).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.That(snapshot.Diagnostics, Is.Empty, "ARM could not expand part of the deployment");
        Assert.That(RequiredTypes.Where(type => !deployed.Contains(type)), Is.Empty, $"resource types {environment} does not deploy");
    }
}
