using System.Text.Json;

namespace ProductFlow.JsonSchema.Loading;

/// <summary>Walks a document's schemas once, recording base URIs, <c>$id</c> resources and anchors.</summary>
/// <remarks>Only values under keywords that hold schemas are walked, so an <c>$id</c> inside
/// <c>enum</c>, <c>const</c> or an unknown keyword identifies nothing.</remarks>
internal sealed class SchemaScanner
{
    private static readonly string[] SingleSchemaKeywords2020 =
        ["additionalProperties", "items", "contains", "propertyNames", "if", "then", "else", "not", "unevaluatedItems", "unevaluatedProperties"];

    private static readonly string[] MapKeywords2020 = ["$defs", "properties", "patternProperties", "dependentSchemas"];

    private static readonly string[] ArrayKeywords2020 = ["allOf", "anyOf", "oneOf", "prefixItems"];

    private static readonly string[] SingleSchemaKeywords7 =
        ["items", "additionalItems", "additionalProperties", "contains", "propertyNames", "if", "then", "else", "not"];

    private static readonly string[] MapKeywords7 = ["definitions", "properties", "patternProperties", "dependencies"];

    private static readonly string[] ArrayKeywords7 = ["allOf", "anyOf", "oneOf", "items"];

    private readonly SchemaRegistry _registry;

    public SchemaScanner(SchemaRegistry registry)
    {
        _registry = registry;
    }

    public void Scan(SchemaDocument document, JsonElement element, string pointer, string baseUri, string resourcePointer, Dialect dialect)
    {
        if (document.Locations.ContainsKey(pointer))
        {
            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            document.Locations[pointer] = new SchemaLocation(baseUri, resourcePointer, dialect);
            return;
        }

        var isDocumentRoot = pointer.Length == 0;
        var hasRef = element.TryGetProperty("$ref", out _);
        string? id = null;
        if (element.TryGetProperty("$id", out var idElement) && idElement.ValueKind == JsonValueKind.String && !(dialect.IsDraft7 && hasRef))
        {
            id = idElement.GetString()!;
        }

        if ((isDocumentRoot || id is not null) && element.TryGetProperty("$schema", out var schemaElement) && schemaElement.ValueKind == JsonValueKind.String)
        {
            dialect = _registry.DialectFor(schemaElement.GetString()!, document, JsonPointer.Append(pointer, "$schema"));
        }

        if (id is not null)
        {
            var (idUri, idFragment) = UriReference.SplitFragment(UriReference.Resolve(baseUri, id));
            if (!dialect.IsDraft7 || !id.StartsWith('#'))
            {
                baseUri = idUri;
                resourcePointer = pointer;
                _registry.RegisterResource(baseUri, document, pointer);
            }

            if (dialect.IsDraft7 && !string.IsNullOrEmpty(idFragment) && JsonPointer.FromFragment(idFragment) is null)
            {
                _registry.RegisterAnchor(idUri + "#" + idFragment, document, pointer);
            }
        }

        if (!dialect.IsDraft7)
        {
            if (element.TryGetProperty("$anchor", out var anchor) && anchor.ValueKind == JsonValueKind.String)
            {
                _registry.RegisterAnchor(baseUri + "#" + anchor.GetString(), document, pointer);
            }

            if (element.TryGetProperty("$dynamicAnchor", out var dynamicAnchor) && dynamicAnchor.ValueKind == JsonValueKind.String)
            {
                var name = dynamicAnchor.GetString()!;
                _registry.RegisterAnchor(baseUri + "#" + name, document, pointer);
                if (!document.DynamicAnchors.TryGetValue(resourcePointer, out var anchors))
                {
                    anchors = new Dictionary<string, string>(StringComparer.Ordinal);
                    document.DynamicAnchors[resourcePointer] = anchors;
                }

                anchors.TryAdd(name, pointer);
            }
        }

        document.Locations[pointer] = new SchemaLocation(baseUri, resourcePointer, dialect);
        ScanChildren(document, element, pointer, baseUri, resourcePointer, dialect);
    }

    private void ScanChildren(SchemaDocument document, JsonElement element, string pointer, string baseUri, string resourcePointer, Dialect dialect)
    {
        foreach (var keyword in dialect.IsDraft7 ? SingleSchemaKeywords7 : SingleSchemaKeywords2020)
        {
            if (element.TryGetProperty(keyword, out var child) && child.ValueKind is JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False)
            {
                Scan(document, child, JsonPointer.Append(pointer, keyword), baseUri, resourcePointer, dialect);
            }
        }

        foreach (var keyword in dialect.IsDraft7 ? MapKeywords7 : MapKeywords2020)
        {
            if (element.TryGetProperty(keyword, out var map) && map.ValueKind == JsonValueKind.Object)
            {
                var mapPointer = JsonPointer.Append(pointer, keyword);
                foreach (var property in map.EnumerateObject())
                {
                    if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False)
                    {
                        Scan(document, property.Value, JsonPointer.Append(mapPointer, property.Name), baseUri, resourcePointer, dialect);
                    }
                }
            }
        }

        foreach (var keyword in dialect.IsDraft7 ? ArrayKeywords7 : ArrayKeywords2020)
        {
            if (element.TryGetProperty(keyword, out var array) && array.ValueKind == JsonValueKind.Array)
            {
                var arrayPointer = JsonPointer.Append(pointer, keyword);
                var index = 0;
                foreach (var item in array.EnumerateArray())
                {
                    Scan(document, item, JsonPointer.Append(arrayPointer, index++), baseUri, resourcePointer, dialect);
                }
            }
        }
    }
}
