using System.Text.Json;
using System.Text.Json.Nodes;
using ProductFlow.Server.Configuration;

namespace ProductFlow.IntegrationTests.Deployment;

/// <summary>The keys derived from <see cref="ProductFlowOptions"/> are the keys the configuration binder sets: each one alone
/// changes the bound options, and every setting of the options has one. The deployment tests compare the templates with them.</summary>
public class HostConfigurationKeysTests
{
    public static IEnumerable<TestCaseData> Keys() =>
        HostConfigurationKeys.ProductFlow.Keys.Order(StringComparer.Ordinal).Select(key => new TestCaseData(key).SetName($"The binder sets {key}"));

    [TestCaseSource(nameof(Keys))]
    public void Each_derived_key_alone_changes_the_bound_options(string pattern)
    {
        var defaults = JsonSerializer.Serialize(new ProductFlowOptions());
        var type = HostConfigurationKeys.ProductFlow[pattern];
        // A switch that is on by default changes when it is turned off.
        string[] values = type == typeof(bool) ? ["true", "false"] : [ConfigurationSamples.ValueOf(type)];

        var changed = values.Where(value => JsonSerializer.Serialize(ConfigurationSamples.Bind([new(ConfigurationSamples.Instance(pattern), value)])) != defaults);

        Assert.That(changed, Is.Not.Empty, $"{pattern} = {string.Join(" or ", values)} did not change ProductFlowOptions");
    }

    [Test]
    public void Every_setting_of_the_options_has_a_derived_key()
    {
        var settings = new List<string>();
        Flatten(JsonSerializer.SerializeToNode(new ProductFlowOptions()), ProductFlowOptions.Section, settings);

        Assert.That(settings, Is.Not.Empty);
        Assert.That(settings.Where(key => HostConfigurationKeys.ProductFlowKeyOf(key) is null), Is.Empty, "settings of ProductFlowOptions with no derived key");
    }

    [Test]
    public void Nested_settings_are_sections_and_a_dictionary_takes_any_name()
    {
        Assert.That(HostConfigurationKeys.ProductFlow.Keys, Does.Contain("ProductFlow:Store:ConnectionString").And.Contains("ProductFlow:Inbox:Folders:*"));
        Assert.That(HostConfigurationKeys.ProductFlow.Keys, Does.Not.Contain("ProductFlow:Store").And.Not.Contain("ProductFlow:Inbox:Folders"));
        Assert.That(HostConfigurationKeys.IsBound("ProductFlow__Inbox__Folders__supplier-a"), Is.True);
        Assert.That(HostConfigurationKeys.IsBound("ProductFlow__Inbox__Folders"), Is.False, "a dictionary's section is not a value");
    }

    [Test]
    public void A_renamed_or_unknown_variable_is_not_bound()
    {
        Assert.That(HostConfigurationKeys.IsBound("ProductFlow__Store__ConnectionString"), Is.True);
        Assert.That(HostConfigurationKeys.IsBound("productflow__store__connectionstring"), Is.True, "configuration keys ignore case");
        Assert.That(HostConfigurationKeys.IsBound("ProductFlow__Store__Connection"), Is.False);
        Assert.That(HostConfigurationKeys.IsBound("ProductFlow__Database__ConnectionString"), Is.False);
        Assert.That(HostConfigurationKeys.IsBound("Serilog__MinimumLevel__Default"), Is.True);
        Assert.That(HostConfigurationKeys.IsBound("OTEL_SERVICE_NAME"), Is.True);
        Assert.That(HostConfigurationKeys.IsBound("OTEL_TRACES_SAMPLER_ARGUMENT"), Is.False, "only the OpenTelemetry variables the deployment documents");
    }

    /// <summary>The leaf paths of the serialized options (a setting left null is a leaf too).</summary>
    private static void Flatten(JsonNode? node, string prefix, List<string> keys)
    {
        if (node is JsonObject section)
        {
            foreach (var (name, child) in section)
            {
                Flatten(child, $"{prefix}:{name}", keys);
            }
        }
        else
        {
            keys.Add(prefix);
        }
    }
}
