using System.Text.Json;

namespace ProductFlow.JsonSchema.Loading;

/// <summary>All documents, resources and anchors one schema can reach, loaded on demand.</summary>
/// <remarks>Sources, in order: documents already loaded, the embedded meta-schemas,
/// <see cref="SchemaOptions.ResolveDocument"/>, and <c>file://</c> URIs read from disk. Never the network.</remarks>
internal sealed class SchemaRegistry
{
    private readonly SchemaOptions _options;
    private readonly SchemaScanner _scanner;
    private readonly Dictionary<string, SchemaDocument> _documents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (SchemaDocument Document, string Pointer)> _resources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (SchemaDocument Document, string Pointer)> _anchors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dialect> _dialects = new(StringComparer.Ordinal);

    public SchemaRegistry(SchemaOptions options)
    {
        _options = options;
        _scanner = new SchemaScanner(this);
    }

    public SchemaOptions Options => _options;

    public SchemaDocument AddDocument(string uri, string? filePath, JsonElement root, Dialect defaultDialect)
    {
        var document = new SchemaDocument(uri, filePath, root, defaultDialect);
        _documents[uri] = document;
        _resources.TryAdd(uri, (document, string.Empty));
        _scanner.Scan(document, root, string.Empty, uri, string.Empty, defaultDialect);
        return document;
    }

    public void RegisterResource(string uri, SchemaDocument document, string pointer) => _resources.TryAdd(uri, (document, pointer));

    public void RegisterAnchor(string uri, SchemaDocument document, string pointer) => _anchors.TryAdd(uri, (document, pointer));

    /// <summary>Makes sure the location was scanned (a <c>$ref</c> may point below a keyword scanning skipped).</summary>
    public SchemaLocation LocationOf(SchemaDocument document, string pointer)
    {
        if (document.Locations.TryGetValue(pointer, out var location))
        {
            return location;
        }

        // Inherit from the nearest scanned ancestor, then scan the subtree from here.
        var parent = pointer;
        SchemaLocation? ancestor = null;
        while (parent.Length > 0 && ancestor is null)
        {
            parent = parent[..parent.LastIndexOf('/')];
            document.Locations.TryGetValue(parent, out ancestor);
        }

        ancestor ??= new SchemaLocation(document.Uri, string.Empty, document.DefaultDialect);
        _scanner.Scan(document, document.ElementAt(pointer), pointer, ancestor.BaseUri, ancestor.ResourcePointer, ancestor.Dialect);
        return document.Locations[pointer];
    }

    /// <summary>Finds the schema an absolute URI (with optional fragment) names, loading its document if needed.</summary>
    public (SchemaDocument Document, string Pointer)? TryResolve(string absoluteUri, Dialect referrerDialect)
    {
        var (uri, fragment) = UriReference.SplitFragment(absoluteUri);
        if (!_resources.TryGetValue(uri, out var resource))
        {
            if (TryLoad(uri, referrerDialect) is null || !_resources.TryGetValue(uri, out resource))
            {
                return null;
            }
        }

        if (string.IsNullOrEmpty(fragment))
        {
            return resource;
        }

        var pointer = JsonPointer.FromFragment(fragment);
        if (pointer is not null)
        {
            var full = resource.Pointer + pointer;
            return JsonPointer.TryResolve(resource.Document.Root, full, out _) ? (resource.Document, full) : null;
        }

        return _anchors.TryGetValue(uri + "#" + fragment, out var anchored) ? anchored : null;
    }

    /// <summary>The dialect a <c>$schema</c> value selects; custom meta-schemas are read for <c>$vocabulary</c>.</summary>
    public Dialect DialectFor(string schemaUri, SchemaDocument document, string pointer)
    {
        var known = Dialect.FromKnownUri(schemaUri);
        if (known is not null)
        {
            return known;
        }

        var uri = UriReference.SplitFragment(schemaUri).Uri;
        if (_dialects.TryGetValue(uri, out var cached))
        {
            return cached;
        }

        var meta = TryLoad(uri, Dialect.Draft202012)
            ?? throw new SchemaLoadException(document.DisplayName, pointer, $"unknown $schema '{schemaUri}'");
        var dialect = meta.Root.ValueKind == JsonValueKind.Object && meta.Root.TryGetProperty("$vocabulary", out var vocabulary)
            ? new Dialect(false, ReadVocabularies(vocabulary, meta))
            : meta.Locations[string.Empty].Dialect;
        _dialects[uri] = dialect;
        return dialect;
    }

    private static Vocabularies ReadVocabularies(JsonElement vocabulary, SchemaDocument meta)
    {
        var result = Vocabularies.Core;
        foreach (var entry in vocabulary.EnumerateObject())
        {
            var flag = Dialect.VocabularyFromUri(entry.Name);
            if (flag is not null)
            {
                result |= flag.Value;
            }
            else if (entry.Value.ValueKind == JsonValueKind.True)
            {
                throw new SchemaLoadException(meta.DisplayName, "/$vocabulary", $"required vocabulary '{entry.Name}' is not supported");
            }
        }

        return result;
    }

    private SchemaDocument? TryLoad(string uri, Dialect defaultDialect)
    {
        if (_documents.TryGetValue(uri, out var existing))
        {
            return existing;
        }

        if (EmbeddedMetaSchemas.TryGet(uri, out var embedded))
        {
            return AddDocument(uri, null, embedded, Dialect.Draft202012);
        }

        string? text = null;
        string? filePath = null;
        if (_options.ResolveDocument is not null && Uri.TryCreate(uri, UriKind.Absolute, out var asUri))
        {
            text = _options.ResolveDocument(asUri);
        }

        if (text is null && uri.StartsWith("file:", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(uri, UriKind.Absolute, out var fileUri))
        {
            filePath = fileUri.LocalPath;
            if (!File.Exists(filePath))
            {
                return null;
            }

            text = File.ReadAllText(filePath);
        }

        return text is null ? null : AddDocument(uri, filePath, Parse(text, filePath ?? uri), defaultDialect);
    }

    public static JsonElement Parse(string text, string displayName)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new SchemaLoadException(displayName, string.Empty, "not valid JSON: " + ex.Message, ex);
        }
    }
}
