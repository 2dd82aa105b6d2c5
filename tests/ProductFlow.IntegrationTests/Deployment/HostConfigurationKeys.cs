using System.Collections;
using System.ComponentModel;
using System.Reflection;
using ProductFlow.Server.Configuration;

namespace ProductFlow.IntegrationTests.Deployment;

/// <summary>The configuration keys <c>serve</c> and <c>worker</c> read, derived from the code: every property of
/// <see cref="ProductFlowOptions"/> that the configuration binder sets (nested settings classes as sections, a dictionary as
/// <c>Section:*</c>), and the keys of other readers the host has (Serilog's section, the OpenTelemetry SDK's variables).</summary>
internal static class HostConfigurationKeys
{
    /// <summary>Each key of the <c>ProductFlow</c> section, <c>*</c> standing for one segment of the caller's choosing
    /// (a dictionary's key), with the type its value is converted to.</summary>
    public static IReadOnlyDictionary<string, Type> ProductFlow { get; } = Leaves(ProductFlowOptions.Section, typeof(ProductFlowOptions))
        .ToDictionary(leaf => leaf.Key, leaf => leaf.Type, StringComparer.OrdinalIgnoreCase);

    /// <summary>Keys of the <c>Serilog</c> section, read by <c>ReadFrom.Configuration</c> (src/ProductFlow.Server/Logging/SerilogHosting.cs).</summary>
    public static IReadOnlyList<string> Serilog { get; } = ["Serilog:MinimumLevel:Default", "Serilog:MinimumLevel:Override:*"];

    /// <summary>Variables of the OpenTelemetry SDK, read by its OTLP exporter as they are named (no configuration section);
    /// the Container Apps environment's agent sets the endpoint and protocol itself.</summary>
    public static IReadOnlyList<string> OpenTelemetry { get; } =
        ["OTEL_SERVICE_NAME", "OTEL_RESOURCE_ATTRIBUTES", "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_PROTOCOL"];

    /// <summary>The configuration key an environment variable sets (<c>__</c> is <c>:</c>), or the variable itself for
    /// the OpenTelemetry SDK's.</summary>
    public static string KeyOf(string variable) =>
        variable.StartsWith("OTEL_", StringComparison.Ordinal) ? variable : variable.Replace("__", ":", StringComparison.Ordinal);

    /// <summary>Whether the host reads the environment variable <paramref name="variable"/>.</summary>
    public static bool IsBound(string variable)
    {
        var key = KeyOf(variable);
        return ProductFlowKeyOf(key) is not null
            || Serilog.Any(pattern => Matches(pattern, key))
            || OpenTelemetry.Contains(variable, StringComparer.Ordinal);
    }

    /// <summary>The pattern of <see cref="ProductFlow"/> that <paramref name="key"/> is an instance of, if any.</summary>
    public static string? ProductFlowKeyOf(string key) => ProductFlow.Keys.FirstOrDefault(pattern => Matches(pattern, key));

    private static bool Matches(string pattern, string key)
    {
        var patternParts = pattern.Split(':');
        var keyParts = key.Split(':');
        return patternParts.Length == keyParts.Length
            && patternParts.Zip(keyParts).All(p => p.First == "*" ? p.Second.Length > 0 : string.Equals(p.First, p.Second, StringComparison.OrdinalIgnoreCase));
    }

    private static IEnumerable<(string Key, Type Type)> Leaves(string prefix, Type type)
    {
        if (IsScalar(type))
        {
            yield return (prefix, Nullable.GetUnderlyingType(type) ?? type);
            yield break;
        }

        if (ElementOf(type) is { } element)
        {
            foreach (var leaf in Leaves(prefix + ":*", element))
            {
                yield return leaf;
            }

            yield break;
        }

        // The binder's rule: public instance properties with a getter; it sets them through a public setter, or fills a
        // complex value or collection the getter returns.
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var settable = property.SetMethod is { IsPublic: true };
            if (property.GetMethod is not { IsPublic: true } || property.GetIndexParameters().Length > 0 || (!settable && IsScalar(property.PropertyType)))
            {
                continue;
            }

            foreach (var leaf in Leaves($"{prefix}:{property.Name}", property.PropertyType))
            {
                yield return leaf;
            }
        }
    }

    /// <summary>A value the binder converts from one string, as it decides: through the type's converter.</summary>
    private static bool IsScalar(Type type) =>
        TypeDescriptor.GetConverter(Nullable.GetUnderlyingType(type) ?? type).CanConvertFrom(typeof(string));

    /// <summary>The value type of a dictionary keyed by string, or the element type of a list or array.</summary>
    private static Type? ElementOf(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        var dictionary = type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>));
        if (dictionary is not null)
        {
            return dictionary.GetGenericArguments()[1];
        }

        var enumerable = typeof(IEnumerable).IsAssignableFrom(type)
            ? type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
            : null;
        return enumerable?.GetGenericArguments()[0];
    }
}
