using ProductFlow.JsonSchema.Loading;
using ProductFlow.JsonSchema.Validation;

namespace ProductFlow.JsonSchema.Compilation;

/// <summary>Compiles schemas into <see cref="SchemaNode"/> trees, once per location.</summary>
/// <remarks>Nodes are cached by (document, JSON pointer), so every <c>$ref</c> to the same schema
/// shares one node and recursive schemas become cycles in the graph.</remarks>
internal sealed class SchemaCompiler
{
    private readonly Dictionary<(SchemaDocument, string), SchemaNode> _nodes = [];
    private readonly Dictionary<(SchemaDocument, string), SchemaResource> _resources = [];

    public SchemaCompiler(SchemaRegistry registry)
    {
        Registry = registry;
    }

    public SchemaRegistry Registry { get; }

    public SchemaOptions Options => Registry.Options;

    /// <summary>Set once any <c>$dynamicRef</c> needs the dynamic scope at run time.</summary>
    public bool UsesDynamicScope { get; set; }

    public SchemaNode Compile(SchemaDocument document, string pointer)
    {
        if (_nodes.TryGetValue((document, pointer), out var node))
        {
            return node;
        }

        var location = Registry.LocationOf(document, pointer);
        var resource = ResourceFor(document, location);

        // Compiling the resource's dynamic anchors may already have compiled this very node.
        if (_nodes.TryGetValue((document, pointer), out node))
        {
            return node;
        }

        var relative = pointer[location.ResourcePointer.Length..];
        var element = document.ElementAt(pointer);
        if (element.ValueKind is not (System.Text.Json.JsonValueKind.Object or System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False))
        {
            throw new SchemaLoadException(document.DisplayName, pointer, "must be a schema (an object or a boolean)");
        }

        node = new SchemaNode(resource, new SchemaPosition(location.BaseUri, relative)) { DynamicAnchor = DynamicAnchorOf(element, location.Dialect) };
        _nodes[(document, pointer)] = node;

        var builder = new NodeBuilder(this, document, pointer, element, location, node.Position);
        var keywords = KeywordTable.Build(builder);
        node.Initialize(keywords, builder.NeedsOwnAnnotations, builder.Element.ValueKind == System.Text.Json.JsonValueKind.False);
        return node;
    }

    /// <summary>Compiles the schema an absolute URI names; <c>null</c> when it cannot be found.</summary>
    public SchemaNode? CompileUri(string absoluteUri, Dialect referrerDialect)
    {
        var target = Registry.TryResolve(absoluteUri, referrerDialect);
        return target is null ? null : Compile(target.Value.Document, target.Value.Pointer);
    }

    private static string? DynamicAnchorOf(System.Text.Json.JsonElement element, Dialect dialect) =>
        !dialect.IsDraft7 && element.ValueKind == System.Text.Json.JsonValueKind.Object
        && element.TryGetProperty("$dynamicAnchor", out var anchor) && anchor.ValueKind == System.Text.Json.JsonValueKind.String
            ? anchor.GetString()
            : null;

    private SchemaResource ResourceFor(SchemaDocument document, SchemaLocation location)
    {
        if (_resources.TryGetValue((document, location.ResourcePointer), out var resource))
        {
            return resource;
        }

        resource = new SchemaResource(location.BaseUri);
        _resources[(document, location.ResourcePointer)] = resource;
        if (document.DynamicAnchors.TryGetValue(location.ResourcePointer, out var anchors))
        {
            foreach (var (name, anchorPointer) in anchors)
            {
                resource.DynamicAnchors[name] = Compile(document, anchorPointer);
            }
        }

        return resource;
    }
}
