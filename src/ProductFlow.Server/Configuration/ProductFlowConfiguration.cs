using Microsoft.Extensions.Configuration;

namespace ProductFlow.Server.Configuration;

/// <summary>The configuration <c>serve</c> and <c>worker</c> read, built without a host (for <c>productflow doctor</c>): appsettings.json, then
/// appsettings.{Environment}.json, then environment variables (<c>ProductFlow__Store__ConnectionString</c>), the later winning.</summary>
/// <remarks>The environment is <c>ASPNETCORE_ENVIRONMENT</c>, else <c>DOTNET_ENVIRONMENT</c>, else <c>Production</c>, as for <c>serve</c>.</remarks>
public static class ProductFlowConfiguration
{
    public static string EnvironmentName =>
        Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") is { Length: > 0 } web ? web
        : Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") is { Length: > 0 } host ? host
        : "Production";

    /// <summary>The files of <paramref name="contentRoot"/> the configuration is read from, those that exist.</summary>
    public static IReadOnlyList<string> Files(string contentRoot) =>
        new[] { "appsettings.json", $"appsettings.{EnvironmentName}.json" }.Where(f => File.Exists(Path.Combine(contentRoot, f))).ToList();

    public static IConfigurationRoot Build(string contentRoot) =>
        new ConfigurationBuilder()
            .SetBasePath(Path.GetFullPath(contentRoot))
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{EnvironmentName}.json", optional: true)
            .AddEnvironmentVariables()
            .Build();

    /// <summary>The <c>ProductFlow</c> section bound as the host binds it (defaults where a key is absent).</summary>
    public static ProductFlowOptions Bind(IConfiguration configuration)
    {
        var options = new ProductFlowOptions();
        configuration.GetSection(ProductFlowOptions.Section).Bind(options);
        return options;
    }
}
