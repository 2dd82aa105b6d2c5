using Microsoft.Extensions.Configuration;
using ProductFlow.Server.Configuration;

namespace ProductFlow.IntegrationTests.Deployment;

/// <summary>Binds configuration as the host does (<c>BindConfiguration("ProductFlow")</c>), and makes a plausible value of a
/// key's type for a value a deployment only knows later (a secret, another resource's endpoint).</summary>
internal static class ConfigurationSamples
{
    public static ProductFlowOptions Bind(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var options = new ProductFlowOptions();
        configuration.GetSection(ProductFlowOptions.Section).Bind(options);
        return options;
    }

    public static string ValueOf(Type type) => type switch
    {
        _ when type == typeof(string) => "sample",
        _ when type == typeof(int) || type == typeof(long) => "7",
        _ when type == typeof(double) || type == typeof(decimal) => "7.5",
        _ when type == typeof(bool) => "true",
        _ when type == typeof(TimeSpan) => "00:00:07",
        _ when type == typeof(Uri) => "https://sample.invalid/api/events",
        { IsEnum: true } => Enum.GetNames(type)[^1],
        _ => throw new NotSupportedException($"no sample value for {type.Name}: add one to {nameof(ConfigurationSamples)}"),
    };

    /// <summary>A key of a pattern: <c>*</c> becomes a name of the caller's.</summary>
    public static string Instance(string pattern) => pattern.Replace("*", "sample", StringComparison.Ordinal);
}
