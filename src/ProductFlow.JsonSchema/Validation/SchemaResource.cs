namespace ProductFlow.JsonSchema.Validation;

/// <summary>A compiled schema resource (a document root or a subschema with <c>$id</c>): the unit of the dynamic scope.</summary>
internal sealed class SchemaResource
{
    public SchemaResource(string uri)
    {
        Uri = uri;
    }

    public string Uri { get; }

    /// <summary>This resource's <c>$dynamicAnchor</c>s, filled during compilation.</summary>
    public Dictionary<string, SchemaNode> DynamicAnchors { get; } = new(StringComparer.Ordinal);
}
