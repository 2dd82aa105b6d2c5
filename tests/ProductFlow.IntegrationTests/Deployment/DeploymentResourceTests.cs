using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ProductFlow.IntegrationTests.Deployment;

/// <summary>What each environment deploys, read from its snapshot: storage, events, PostgreSQL, the apps, Key Vault access, telemetry.</summary>
public partial class DeploymentResourceTests
{
    private const string SecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    private const string AcrPull = "7f951dda-4ed3-4680-a7ca-43fe172d538d";
    private const string BlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";

    public static IEnumerable<string> Environments => CompiledInfra.Environments;

    [TestCaseSource(nameof(Environments))]
    public void Storage_is_private_versioned_soft_deleted_and_tls_1_2_only(string environment)
    {
        var snapshot = CompiledInfra.Get().Snapshot(environment);
        var account = snapshot.Single("Microsoft.Storage/storageAccounts")["properties"]!;
        var blobs = snapshot.Single("Microsoft.Storage/storageAccounts/blobServices")["properties"]!;
        var containers = snapshot.OfType("Microsoft.Storage/storageAccounts/blobServices/containers");

        Assert.That((string?)account["minimumTlsVersion"], Is.EqualTo("TLS1_2"));
        Assert.That((bool?)account["supportsHttpsTrafficOnly"], Is.True);
        Assert.That((bool?)account["allowBlobPublicAccess"], Is.False);
        Assert.That((bool?)blobs["isVersioningEnabled"], Is.True);
        Assert.That((bool?)blobs["deleteRetentionPolicy"]?["enabled"], Is.True);
        Assert.That((bool?)blobs["containerDeleteRetentionPolicy"]?["enabled"], Is.True);
        Assert.That(containers.Select(c => ((string)c["name"]!).Split('/')[^1]), Is.EquivalentTo(new[] { "inbox", "archive", "exports", "reports", "deadletter" }));
        Assert.That(containers.Select(c => (string?)c["properties"]?["publicAccess"]), Is.All.EqualTo("None"));
    }

    [TestCaseSource(nameof(Environments))]
    public void The_event_topic_takes_cloud_events_and_may_write_to_the_dead_letter_container_only(string environment)
    {
        var snapshot = CompiledInfra.Get().Snapshot(environment);
        var topic = snapshot.Single("Microsoft.EventGrid/topics");
        var grants = RoleAssignments(snapshot).Where(grant => grant.Principal.Contains("Microsoft.EventGrid/topics/", StringComparison.Ordinal)).ToList();

        Assert.That((string?)topic["properties"]!["inputSchema"], Is.EqualTo("CloudEventSchemaV1_0"));
        Assert.That((string?)topic["identity"]?["type"], Is.EqualTo("SystemAssigned"));
        Assert.That(grants, Has.Count.EqualTo(1));
        Assert.That(grants[0].Role, Is.EqualTo(BlobDataContributor));
        Assert.That(grants[0].Scope, Does.EndWith("/blobServices/default/containers/deadletter"));
    }

    [Test]
    public void A_subscriber_gets_cloud_events_and_what_cannot_be_delivered_is_dead_lettered()
    {
        var subscription = CompiledInfra.ResourcesOf(CompiledInfra.Get().Template("subscriber.bicep"))
            .Single(resource => (string?)resource["type"] == "Microsoft.EventGrid/topics/eventSubscriptions");
        var properties = subscription["properties"]!;
        var deadLetter = properties["deadLetterWithResourceIdentity"]!;

        Assert.That((string?)properties["eventDeliverySchema"], Is.EqualTo("CloudEventSchemaV1_0"));
        Assert.That((string?)deadLetter["identity"]!["type"], Is.EqualTo("SystemAssigned"), "the topic's identity, not a storage key");
        Assert.That((string?)deadLetter["deadLetterDestination"]!["properties"]!["blobContainerName"], Is.EqualTo("deadletter"));
        Assert.That(properties["retryPolicy"]?["maxDeliveryAttempts"], Is.Not.Null);
    }

    [TestCaseSource(nameof(Environments))]
    public void PostgreSQL_is_15_or_later_with_backups_encrypted_connections_and_the_database(string environment)
    {
        var snapshot = CompiledInfra.Get().Snapshot(environment);
        var server = snapshot.Single("Microsoft.DBforPostgreSQL/flexibleServers")["properties"]!;
        var tls = snapshot.OfType("Microsoft.DBforPostgreSQL/flexibleServers/configurations").Single(c => ((string)c["name"]!).EndsWith("/require_secure_transport", StringComparison.Ordinal));

        Assert.That(int.Parse((string)server["version"]!, System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThanOrEqualTo(15));
        Assert.That((int?)server["backup"]!["backupRetentionDays"], Is.GreaterThanOrEqualTo(7));
        Assert.That((string?)server["administratorLoginPassword"], Does.StartWith("[parameters("), "the password is a parameter, never a value of the template");
        Assert.That((string?)tls["properties"]!["value"], Is.EqualTo("on"));
        Assert.That(snapshot.Single("Microsoft.DBforPostgreSQL/flexibleServers/databases")["name"]!.ToString(), Does.EndWith("/productflow"));
    }

    [Test]
    public void Prod_postgresql_has_a_standby_in_another_zone_geo_redundant_backups_and_no_public_endpoint()
    {
        var snapshot = CompiledInfra.Get().Snapshot("prod");
        var server = snapshot.Single("Microsoft.DBforPostgreSQL/flexibleServers")["properties"]!;

        Assert.That((string?)server["highAvailability"]!["mode"], Is.EqualTo("ZoneRedundant"));
        Assert.That((string?)server["backup"]!["geoRedundantBackup"], Is.EqualTo("Enabled"));
        Assert.That((string?)server["network"]!["publicNetworkAccess"], Is.EqualTo("Disabled"));
        Assert.That(server["network"]!["delegatedSubnetResourceId"], Is.Not.Null);
        Assert.That(snapshot.OfType("Microsoft.DBforPostgreSQL/flexibleServers/firewallRules"), Is.Empty);
        Assert.That(snapshot.OfType("Microsoft.Network/privateDnsZones/virtualNetworkLinks"), Has.Count.EqualTo(1));
    }

    [TestCaseSource(nameof(Environments))]
    public void Serve_has_ingress_and_probes_on_the_health_endpoints(string environment)
    {
        var serve = CompiledInfra.Get().Snapshot(environment).App("serve");
        var ingress = serve.Properties["configuration"]!["ingress"]!;
        var probes = serve.Container["probes"]!.AsArray().ToDictionary(probe => (string)probe!["type"]!, probe => (string?)probe!["httpGet"]?["path"]);
        var args = serve.Container["args"]!.AsArray().Select(arg => (string)arg!).ToList();

        Assert.That((bool?)ingress["external"], Is.True);
        Assert.That((bool?)ingress["allowInsecure"], Is.False);
        Assert.That(probes["Liveness"], Is.EqualTo("/health/live"));
        Assert.That(probes["Readiness"], Is.EqualTo("/health/ready"));
        Assert.That(args[0], Is.EqualTo("serve"));
        Assert.That(args, Does.Not.Contain("--embedded"));
        Assert.That(string.Join(' ', args), Does.Contain($":{(int)ingress["targetPort"]!}"), "serve listens on the ingress's port");
        Assert.That((int?)serve.Properties["template"]!["scale"]!["minReplicas"], Is.GreaterThanOrEqualTo(1));
    }

    [TestCaseSource(nameof(Environments))]
    public void The_worker_has_no_ingress_and_scales_on_cpu_between_its_replica_bounds(string environment)
    {
        var worker = CompiledInfra.Get().Snapshot(environment).App("worker");
        var scale = worker.Properties["template"]!["scale"]!;
        var rule = scale["rules"]!.AsArray().Single()!;

        Assert.That(worker.Properties["configuration"]!["ingress"], Is.Null);
        Assert.That((string?)worker.Container["args"]![0], Is.EqualTo("worker"));
        Assert.That((string?)rule["custom"]?["type"], Is.EqualTo("cpu"));
        Assert.That((int?)scale["minReplicas"], Is.GreaterThanOrEqualTo(1), "a CPU rule cannot scale from zero");
        Assert.That((int?)scale["maxReplicas"], Is.GreaterThanOrEqualTo((int)scale["minReplicas"]!));
        Assert.That((int?)worker.Properties["template"]!["terminationGracePeriodSeconds"], Is.GreaterThan(
            (int)TimeSpan.Parse(worker.Environment.Single(v => v.Name == "ProductFlow__Jobs__ShutdownTimeout").Value!, System.Globalization.CultureInfo.InvariantCulture).TotalSeconds + 5),
            "Container Apps waits longer than the worker's grace for running jobs and the host's 5 s");
    }

    [Test]
    public void Prod_runs_more_workers_than_dev()
    {
        var dev = CompiledInfra.Get().Snapshot("dev").App("worker").Properties["template"]!["scale"]!;
        var prod = CompiledInfra.Get().Snapshot("prod").App("worker").Properties["template"]!["scale"]!;

        Assert.That((int?)prod["minReplicas"], Is.GreaterThan((int)dev["minReplicas"]!));
        Assert.That((int?)prod["maxReplicas"], Is.GreaterThan((int)dev["maxReplicas"]!));
    }

    [TestCaseSource(nameof(Environments))]
    public void Each_app_reads_exactly_its_secrets_from_key_vault_with_its_own_identity(string environment)
    {
        var snapshot = CompiledInfra.Get().Snapshot(environment);
        var vault = snapshot.Single("Microsoft.KeyVault/vaults")["properties"]!;
        var grants = RoleAssignments(snapshot);
        Assert.That((bool?)vault["enableRbacAuthorization"], Is.True, "access by role assignment, no access policies");

        var identities = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var app in new[] { snapshot.App("serve"), snapshot.App("worker") })
        {
            var identity = app.Identities.Single();
            identities.Add(identity);
            var referenced = app.Secrets.Select(secret =>
            {
                Assert.That(secret.Identity, Is.EqualTo(identity), $"{app.ContainerName} reads {secret.Name} with its own identity");
                return SecretName().Match(secret.KeyVaultUrl ?? "").Groups[1].Value;
            }).ToHashSet();
            var granted = grants.Where(grant => grant.Principal.Contains(identity, StringComparison.OrdinalIgnoreCase) && grant.Role == SecretsUser)
                .Select(grant => SecretScope().Match(grant.Scope)).Select(match => match.Success ? match.Groups[1].Value : "(not one secret)").ToHashSet();

            Assert.That(referenced, Is.Not.Empty.And.Not.Contain(""), $"{app.ContainerName}'s secrets are Key Vault references");
            Assert.That(granted, Is.EquivalentTo(referenced), $"{app.ContainerName}'s identity may read the secrets it uses, each by its own role assignment");
        }

        var others = grants.Where(grant => identities.Any(identity => grant.Principal.Contains(identity, StringComparison.OrdinalIgnoreCase))
            && !(grant.Role == SecretsUser || (grant.Role == AcrPull && grant.Scope.Contains("/Microsoft.ContainerRegistry/registries/", StringComparison.Ordinal))));
        Assert.That(others.Select(grant => $"{grant.Role} on {grant.Scope}"), Is.Empty, "the apps' identities hold no other role");
    }

    [TestCaseSource(nameof(Environments))]
    public void Telemetry_goes_to_application_insights_and_logs_to_log_analytics(string environment)
    {
        var snapshot = CompiledInfra.Get().Snapshot(environment);
        var apps = snapshot.Single("Microsoft.App/managedEnvironments")["properties"]!;
        var telemetry = apps["openTelemetryConfiguration"]!;
        var diagnostics = snapshot.Single("Microsoft.Insights/diagnosticSettings")["properties"]!;

        Assert.That(apps["appInsightsConfiguration"]?["connectionString"], Is.Not.Null);
        Assert.That(telemetry["tracesConfiguration"]!["destinations"]!.AsArray().Select(d => (string?)d), Does.Contain("appInsights"));
        Assert.That(telemetry["logsConfiguration"]!["destinations"]!.AsArray().Select(d => (string?)d), Does.Contain("appInsights"));
        Assert.That((string?)diagnostics["workspaceId"], Does.Contain("Microsoft.OperationalInsights/workspaces/"));
    }

    private const string ExtensionResourceId = "[extensionResourceId('";

    private sealed record Grant(string Scope, string Role, string Principal);

    private static List<Grant> RoleAssignments(Snapshot snapshot) =>
        snapshot.OfType("Microsoft.Authorization/roleAssignments").Select(assignment =>
        {
            // An assignment named after a principal id only Azure knows keeps its id an expression: [extensionResourceId('<scope>', ...)].
            var id = (string)assignment["id"]!;
            var scope = id.StartsWith(ExtensionResourceId, StringComparison.Ordinal)
                ? id[ExtensionResourceId.Length..id.IndexOf('\'', ExtensionResourceId.Length)]
                : id[..id.IndexOf("/providers/Microsoft.Authorization/roleAssignments/", StringComparison.OrdinalIgnoreCase)];
            var role = ((string)assignment["properties"]!["roleDefinitionId"]!).Split('/')[^1];
            return new Grant(scope, role, (string)assignment["properties"]!["principalId"]!);
        }).ToList();

    [GeneratedRegex(@"/secrets/([^'/]+)'")]
    private static partial Regex SecretName();

    [GeneratedRegex(@"/Microsoft\.KeyVault/vaults/[^/]+/secrets/([^/]+)$")]
    private static partial Regex SecretScope();
}
