using System.Text.Json;

namespace ProductFlow.JsonSchema.Loading;

/// <summary>One parsed JSON document that holds schemas, with what scanning found in it.</summary>
internal sealed class SchemaDocument
{
    public SchemaDocument(string uri, string? filePath, JsonElement root, Dialect defaultDialect)
    {
        Uri = uri;
        FilePath = filePath;
        Root = root;
        DefaultDialect = defaultDialect;
    }

    /// <summary>The URI the document was retrieved by, without fragment.</summary>
    public string Uri { get; }

    /// <summary>The file on disk, when it came from one.</summary>
    public string? FilePath { get; }

    /// <summary>How errors name this document: the file path, else the URI.</summary>
    public string DisplayName => FilePath ?? Uri;

    public JsonElement Root { get; }

    /// <summary>The dialect used where the document does not say (<c>$schema</c> absent): the referrer's.</summary>
    public Dialect DefaultDialect { get; }

    /// <summary>Every schema location found by scanning, by JSON pointer.</summary>
    public Dictionary<string, SchemaLocation> Locations { get; } = new(StringComparer.Ordinal);

    /// <summary>Dynamic anchors by resource pointer, then by name, to the anchored schema's pointer.</summary>
    public Dictionary<string, Dictionary<string, string>> DynamicAnchors { get; } = new(StringComparer.Ordinal);

    public JsonElement ElementAt(string pointer)
    {
        if (!JsonPointer.TryResolve(Root, pointer, out var element))
        {
            throw new SchemaLoadException(DisplayName, pointer, "no value at this JSON pointer");
        }

        return element;
    }
}

/// <summary>Where a schema sits: its base URI, the pointer of its resource root, and its dialect.</summary>
internal sealed record SchemaLocation(string BaseUri, string ResourcePointer, Dialect Dialect);
