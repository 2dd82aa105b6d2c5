using System.Text.Json.Nodes;
using ProductFlow.IntegrationTests.Support;
using ProductFlow.Tests.Support;

namespace ProductFlow.IntegrationTests.Deployment;

/// <summary><c>infra/</c> through the Bicep CLI, once per test run, in a copy (bicep writes its outputs beside its inputs):
/// <c>lint</c> of every .bicep and .bicepparam file, <c>build</c> of every .bicep file, <c>build-params</c> of every
/// .bicepparam file, and a <c>snapshot</c> of each environment: the resources it deploys with its parameters applied, as
/// ARM expands them before deploying (what only Azure knows, a key or another resource's endpoint, stays an expression).</summary>
internal sealed class CompiledInfra : IDisposable
{
    public static readonly string[] Environments = ["dev", "prod"];

    /// <summary>What the parameter files read from the deploying shell: stand-ins (no secret is ever compiled in).</summary>
    private static readonly Dictionary<string, string> DeployingShell = new(StringComparer.Ordinal)
    {
        ["PRODUCTFLOW_IMAGE"] = "productflowregistry.azurecr.io/productflow:test",
        ["PRODUCTFLOW_REGISTRY"] = "productflowregistry",
        ["PRODUCTFLOW_POSTGRES_PASSWORD"] = "not-a-password",
        ["PRODUCTFLOW_ADMIN_KEY"] = "not-a-key",
    };

    private static readonly object Gate = new();
    private static CompiledInfra? _instance;

    private readonly TempDirectory _copy;

    private CompiledInfra()
    {
        _copy = new TempDirectory();
        var source = TestPaths.InRepository("infra");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = _copy.Combine(Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        SourceFiles = Directory.EnumerateFiles(_copy.Path, "*.bicep*", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(_copy.Path, file)).Order(StringComparer.Ordinal).ToList();
        var runs = new[]
        {
            Task.Run(() => BicepCli.Run(_copy.Path, DeployingShell, "lint", "--pattern", "**/*.bicep*")),
            Task.Run(() => BicepCli.Run(_copy.Path, DeployingShell, "build", "--pattern", "**/*.bicep")),
            Task.Run(() => BicepCli.Run(_copy.Path, DeployingShell, "build-params", "--pattern", "**/*.bicepparam")),
        }.Concat(Environments.Select(environment => Task.Run(() => BicepCli.Run(_copy.Path, DeployingShell,
            "snapshot", $"{environment}.bicepparam", "--mode", "overwrite", "--subscription-id", "00000000-0000-0000-0000-000000000000",
            "--resource-group", $"productflow-{environment}", "--location", "westeurope")))).ToArray();
        Task.WaitAll(runs);
        Lint = runs[0].Result;
        Build = runs[1].Result;
        BuildParams = runs[2].Result;
        SnapshotRuns = Environments.Zip(runs.Skip(3)).ToDictionary(pair => pair.First, pair => pair.Second.Result, StringComparer.Ordinal);
    }

    public IReadOnlyList<string> SourceFiles { get; }

    public BicepResult Lint { get; }

    public BicepResult Build { get; }

    public BicepResult BuildParams { get; }

    public IReadOnlyDictionary<string, BicepResult> SnapshotRuns { get; }

    /// <summary>The compiled ARM template of a .bicep file of infra/ (e.g. <c>main.bicep</c>).</summary>
    public JsonNode Template(string bicepFile)
    {
        Assert.That(Build.ExitCode, Is.Zero, Build.ToString());
        return JsonNode.Parse(File.ReadAllText(_copy.Combine(Path.ChangeExtension(bicepFile, ".json"))))!;
    }

    /// <summary>What an environment's parameter file deploys.</summary>
    public Snapshot Snapshot(string environment)
    {
        var run = SnapshotRuns[environment];
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        return new Snapshot(JsonNode.Parse(File.ReadAllText(_copy.Combine($"{environment}.snapshot.json")))!.AsObject());
    }

    /// <summary>Every resource of a compiled template and of the templates of its nested deployments (modules).</summary>
    public static IEnumerable<JsonObject> ResourcesOf(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject item:
                if (item["type"] is JsonValue && item["apiVersion"] is not null)
                {
                    yield return item;
                }

                foreach (var resource in item.SelectMany(child => ResourcesOf(child.Value)))
                {
                    yield return resource;
                }

                break;
            case JsonArray items:
                foreach (var resource in items.SelectMany(ResourcesOf))
                {
                    yield return resource;
                }

                break;
        }
    }

    /// <summary>The compiled infra/, compiled on first use; a missing Bicep CLI stops the caller (<see cref="MissingTool"/>).</summary>
    public static CompiledInfra Get()
    {
        _ = BicepCli.Executable;
        lock (Gate)
        {
            return _instance ??= new CompiledInfra();
        }
    }

    /// <summary>Deletes the copy, at the end of the run.</summary>
    public static void Release()
    {
        lock (Gate)
        {
            _instance?.Dispose();
            _instance = null;
        }
    }

    public void Dispose() => _copy.Dispose();
}

/// <summary>Deletes the compiled copy of infra/ after the deployment tests.</summary>
[SetUpFixture]
public sealed class CompiledInfraCleanup
{
    [OneTimeTearDown]
    public void Release() => CompiledInfra.Release();
}
