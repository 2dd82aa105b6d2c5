using System.Text.Json.Nodes;

namespace ProductFlow.IntegrationTests.Deployment;

/// <summary>The resources a <c>bicep snapshot</c> predicts for one environment.</summary>
internal sealed class Snapshot(JsonObject document)
{
    public IReadOnlyList<JsonObject> Resources { get; } =
        document["predictedResources"]!.AsArray().Select(resource => resource!.AsObject()).ToList();

    public IReadOnlyList<string> Diagnostics { get; } =
        document["diagnostics"]?.AsArray().Select(diagnostic => diagnostic!.ToJsonString()).ToList() ?? [];

    public IReadOnlyList<JsonObject> OfType(string type) =>
        Resources.Where(resource => string.Equals((string?)resource["type"], type, StringComparison.OrdinalIgnoreCase)).ToList();

    public JsonObject Single(string type)
    {
        var found = OfType(type);
        Assert.That(found, Has.Count.EqualTo(1), $"one {type}");
        return found[0];
    }

    /// <summary>The container app whose container is named <paramref name="container"/> (<c>serve</c> or <c>worker</c>).</summary>
    public ContainerApp App(string container)
    {
        var apps = OfType("Microsoft.App/containerApps").Select(resource => new ContainerApp(resource))
            .Where(app => app.ContainerName == container).ToList();
        Assert.That(apps, Has.Count.EqualTo(1), $"one container app runs a container named {container}");
        return apps[0];
    }
}

/// <summary>A container app of a snapshot, with its single container.</summary>
internal sealed class ContainerApp(JsonObject resource)
{
    public JsonObject Resource { get; } = resource;

    public JsonObject Properties => Resource["properties"]!.AsObject();

    public JsonObject Container => Properties["template"]!["containers"]!.AsArray().Single()!.AsObject();

    public string ContainerName => (string)Container["name"]!;

    public IReadOnlyList<EnvironmentVariable> Environment =>
        Container["env"]?.AsArray().Select(entry => new EnvironmentVariable(
            (string)entry!["name"]!, (string?)entry["value"], (string?)entry["secretRef"])).ToList() ?? [];

    /// <summary>The app's Key Vault references: secret name, vault URL (an expression until deployed) and identity.</summary>
    public IReadOnlyList<(string Name, string? KeyVaultUrl, string? Identity)> Secrets =>
        Properties["configuration"]!["secrets"]?.AsArray()
            .Select(secret => ((string)secret!["name"]!, (string?)secret["keyVaultUrl"], (string?)secret["identity"])).ToList() ?? [];

    /// <summary>The resource ids of the app's user-assigned identities.</summary>
    public IReadOnlyList<string> Identities =>
        Resource["identity"]?["userAssignedIdentities"]?.AsObject().Select(identity => identity.Key).ToList() ?? [];
}

/// <summary>One environment variable of a container: a literal or ARM expression value, or a reference to a secret of the app.</summary>
internal sealed record EnvironmentVariable(string Name, string? Value, string? SecretRef)
{
    /// <summary>A value ARM computes at deployment (<c>[reference(...)]</c>): known to be a string, not what it will be.</summary>
    public bool IsExpression => Value is { Length: > 0 } value && value[0] == '[' && value[^1] == ']';
}
