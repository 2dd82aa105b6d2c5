using System.Text.RegularExpressions;
using ProductFlow.Server.Configuration;
using ProductFlow.Tests.Support;

namespace ProductFlow.IntegrationTests.Deployment;

/// <summary>The environment variables the templates give <c>serve</c> and <c>worker</c> are configuration keys the host binds
/// (derived from <see cref="ProductFlowOptions"/> by <see cref="HostConfigurationKeys"/>), include every key the host requires
/// without <c>--embedded</c>, pass its start-up validation, carry secrets as Key Vault references only, and are documented.</summary>
public partial class AppConfigurationTests
{
    public static IEnumerable<TestCaseData> Apps() =>
        from environment in CompiledInfra.Environments
        from app in new[] { "serve", "worker" }
        select new TestCaseData(environment, app).SetArgDisplayNames(environment, app);

    [TestCaseSource(nameof(Apps))]
    public void Every_variable_of_the_app_is_a_key_the_host_binds(string environment, string app)
    {
        var variables = CompiledInfra.Get().Snapshot(environment).App(app).Environment;

        Assert.That(variables, Is.Not.Empty);
        Assert.That(variables.Select(v => v.Name).Where(name => !HostConfigurationKeys.IsBound(name)), Is.Empty,
            $"variables of {app} ({environment}) that the host does not bind: a key renamed in src/ProductFlow.Server/Configuration and not in infra/, or a typo");
        Assert.That(variables.GroupBy(v => v.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key), Is.Empty, "variables set twice");
    }

    [TestCaseSource(nameof(Apps))]
    public void The_app_has_every_key_the_host_requires_without_embedded(string environment, string app)
    {
        var required = RequiredWithoutEmbedded();
        var keys = CompiledInfra.Get().Snapshot(environment).App(app).Environment.Select(v => HostConfigurationKeys.KeyOf(v.Name));

        Assert.That(required, Does.Contain("ProductFlow:Store:ConnectionString").And.Contains("ProductFlow:Blob:ConnectionString"));
        Assert.That(required.Except(keys, StringComparer.OrdinalIgnoreCase), Is.Empty, $"keys {app} ({environment}) needs and is not given");
    }

    [TestCaseSource(nameof(Apps))]
    public void The_app_s_configuration_passes_the_host_s_start_up_validation(string environment, string app)
    {
        var result = Validate(CompiledInfra.Get().Snapshot(environment).App(app).Environment);

        Assert.That(result.Failed, Is.False, result.FailureMessage);
    }

    [Test]
    public void Without_the_store_s_connection_string_the_validation_fails_naming_it()
    {
        var variables = CompiledInfra.Get().Snapshot("dev").App("worker").Environment.Where(v => v.Name != "ProductFlow__Store__ConnectionString");

        Assert.That(Validate(variables).FailureMessage, Does.Contain("ProductFlow:Store:ConnectionString"));
    }

    [TestCaseSource(nameof(Apps))]
    public void Secrets_reach_the_app_as_key_vault_references_never_as_values(string environment, string app)
    {
        var container = CompiledInfra.Get().Snapshot(environment).App(app);
        var secrets = container.Secrets.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);

        var inTheClear = container.Environment.Where(v => SecretKey().IsMatch(v.Name) && v.SecretRef is null).Select(v => v.Name);
        var dangling = container.Environment.Where(v => v.SecretRef is { } name && !secrets.Contains(name)).Select(v => $"{v.Name} -> {v.SecretRef}");

        Assert.That(inTheClear, Is.Empty, "secret settings given as values");
        Assert.That(dangling, Is.Empty, "references to secrets the app does not declare");
        Assert.That(container.Secrets.Where(s => s.KeyVaultUrl is null).Select(s => s.Name), Is.Empty, "secrets held by the app instead of Key Vault");
    }

    [Test]
    public void Every_variable_the_templates_set_is_documented_in_infra_readme()
    {
        var readme = File.ReadAllText(TestPaths.InRepository("infra", "README.md"));
        var infra = CompiledInfra.Get();
        var names = (from environment in CompiledInfra.Environments
                     from app in new[] { "serve", "worker" }
                     from variable in infra.Snapshot(environment).App(app).Environment
                     select variable.Name).Distinct(StringComparer.Ordinal);

        Assert.That(names.Where(name => !readme.Contains($"`{name}`", StringComparison.Ordinal)), Is.Empty, "variables infra/README.md does not list");
    }

    /// <summary>The keys <see cref="ProductFlowOptionsValidator"/> reports missing from empty options without <c>--embedded</c>.</summary>
    private static List<string> RequiredWithoutEmbedded() =>
        new ProductFlowOptionsValidator(HostMode.Service).Validate(null, new ProductFlowOptions()).Failures!
            .Select(failure => RequiredKey().Match(failure)).Where(match => match.Success).Select(match => match.Groups[1].Value).ToList();

    /// <summary>The host's validation of what the variables bind to; a value only Azure knows (a secret, another resource's endpoint)
    /// stands in as a value of the key's type.</summary>
    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(IEnumerable<EnvironmentVariable> variables)
    {
        // A variable the host does not bind is named by Every_variable_of_the_app_is_a_key_the_host_binds; here it is left out.
        var settings = variables.Select(v => (Variable: v, Key: HostConfigurationKeys.KeyOf(v.Name)))
            .Select(v => (v.Variable, v.Key, Pattern: HostConfigurationKeys.ProductFlowKeyOf(v.Key)))
            .Where(v => v.Pattern is not null)
            .Select(v => new KeyValuePair<string, string?>(v.Key, v.Variable.SecretRef is not null || v.Variable.IsExpression
                ? ConfigurationSamples.ValueOf(HostConfigurationKeys.ProductFlow[v.Pattern!])
                : v.Variable.Value));

        return new ProductFlowOptionsValidator(HostMode.Service).Validate(null, ConfigurationSamples.Bind(settings));
    }

    [GeneratedRegex("^(ProductFlow(?::[A-Za-z]+)+) is required without --embedded")]
    private static partial Regex RequiredKey();

    [GeneratedRegex("(ConnectionString|Key|Password)$")]
    private static partial Regex SecretKey();
}
