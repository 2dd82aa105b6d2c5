using System.Collections.Concurrent;
using System.Text.Json;

namespace ProductFlow.JsonSchema.Loading;

/// <summary>The official meta-schemas embedded in this assembly, parsed once per process.</summary>
internal static class EmbeddedMetaSchemas
{
    private const string Draft202012Prefix = "https://json-schema.org/draft/2020-12/";

    private static readonly ConcurrentDictionary<string, JsonElement> Parsed = new(StringComparer.Ordinal);

    /// <summary>The meta-schema with this URI (no fragment), or <c>false</c> when it is not embedded.</summary>
    public static bool TryGet(string uri, out JsonElement root)
    {
        var resource = ResourceName(uri);
        if (resource is null)
        {
            root = default;
            return false;
        }

        root = Parsed.GetOrAdd(resource, Load);
        return true;
    }

    private static string? ResourceName(string uri)
    {
        if (uri == Dialect.Draft07Uri)
        {
            return "MetaSchemas/draft-07-schema.json";
        }

        if (!uri.StartsWith(Draft202012Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = uri[Draft202012Prefix.Length..];
        return rest switch
        {
            "schema" => "MetaSchemas/draft2020-12/schema.json",
            "meta/core" or "meta/applicator" or "meta/unevaluated" or "meta/validation" or "meta/meta-data"
                or "meta/format-annotation" or "meta/content" => "MetaSchemas/draft2020-12/" + rest + ".json",
            _ => null,
        };
    }

    private static JsonElement Load(string resource)
    {
        using var stream = typeof(EmbeddedMetaSchemas).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException("Embedded meta-schema missing: " + resource);
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.Clone();
    }
}
