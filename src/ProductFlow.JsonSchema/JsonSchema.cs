using System.Text.Json;
using ProductFlow.JsonSchema.Compilation;
using ProductFlow.JsonSchema.Loading;
using ProductFlow.JsonSchema.Validation;

namespace ProductFlow.JsonSchema;

/// <summary>A JSON Schema (draft 2020-12 or draft-07) compiled once into a tree of keyword validators.</summary>
/// <remarks>
/// The draft is chosen by <c>$schema</c>: 2020-12 when absent, draft-07 for
/// <c>http://json-schema.org/draft-07/schema#</c>. All <c>$ref</c>s are resolved while loading (a
/// missing one is a <see cref="SchemaLoadException"/>); documents come from the embedded
/// meta-schemas, <see cref="SchemaOptions.ResolveDocument"/> and <c>file://</c> URIs on disk, never
/// the network. An instance is immutable after loading and safe to use from many threads.
/// </remarks>
public sealed class JsonSchema
{
    private const string DefaultBaseUri = "urn:productflow:schema";

    private readonly SchemaNode _root;
    private readonly bool _tracksScope;

    private JsonSchema(SchemaNode root, bool tracksScope)
    {
        _root = root;
        _tracksScope = tracksScope;
    }

    /// <summary>Loads a schema file; its base URI is the file's <c>file://</c> URI, so relative
    /// <c>$ref</c>s to sibling files load those files from disk.</summary>
    public static JsonSchema FromFile(string path, SchemaOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fullPath = Path.GetFullPath(path);
        string text;
        try
        {
            text = File.ReadAllText(fullPath);
        }
        catch (IOException ex)
        {
            throw new SchemaLoadException(fullPath, string.Empty, "cannot read the schema file: " + ex.Message, ex);
        }

        var uri = new Uri(fullPath).AbsoluteUri;
        return Load(SchemaRegistry.Parse(text, fullPath), uri, fullPath, options);
    }

    /// <summary>Loads a schema from JSON text; <paramref name="baseUri"/> resolves relative references
    /// (default <c>urn:productflow:schema</c>).</summary>
    public static JsonSchema FromText(string json, Uri? baseUri = null, SchemaOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        RequireAbsolute(baseUri);
        var uri = baseUri?.OriginalString ?? DefaultBaseUri;
        return Load(SchemaRegistry.Parse(json, uri), uri, FilePathOf(baseUri), options);
    }

    /// <summary>Loads a schema from a parsed element (copied, so the caller may dispose its document).</summary>
    public static JsonSchema FromElement(JsonElement schema, Uri? baseUri = null, SchemaOptions? options = null)
    {
        RequireAbsolute(baseUri);
        return Load(schema.Clone(), baseUri?.OriginalString ?? DefaultBaseUri, FilePathOf(baseUri), options);
    }

    /// <summary>Whether <paramref name="instance"/> is valid. Stops at the first failure and allocates
    /// nothing for a valid instance (except under <c>propertyNames</c>).</summary>
    public bool IsValid(JsonElement instance)
    {
        var context = ValidationContext.RentFast(_tracksScope);
        try
        {
            return _root.Validate(instance, context, null);
        }
        finally
        {
            context.Release();
        }
    }

    /// <summary>This schema as checks on a flat object's values (no JSON instance), or <c>null</c> when it uses
    /// keywords those checks do not cover; see <see cref="FlatObjectSchema"/>.</summary>
    /// <remarks>Computed on each call: call it once, when the schema is loaded.</remarks>
    public FlatObjectSchema? ToFlatObject() => FlatObjectSchema.From(_root);

    /// <summary>Validates and reports every error, in the JSON Schema "basic" output shape.</summary>
    public ValidationResult Validate(JsonElement instance)
    {
        var context = ValidationContext.ForErrors(_tracksScope);
        _root.Validate(instance, context, null);
        return new ValidationResult([.. context.Errors]);
    }

    private static JsonSchema Load(JsonElement root, string uri, string? filePath, SchemaOptions? options)
    {
        if (root.ValueKind is not (JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False))
        {
            throw new SchemaLoadException(filePath ?? uri, string.Empty, "a schema must be an object or a boolean");
        }

        var registry = new SchemaRegistry(options ?? SchemaOptions.Default);
        var (documentUri, _) = UriReference.SplitFragment(uri);
        var document = registry.AddDocument(documentUri, filePath, root, Dialect.Draft202012);
        var compiler = new SchemaCompiler(registry);
        var node = compiler.Compile(document, string.Empty);
        return new JsonSchema(node, compiler.UsesDynamicScope);
    }

    private static void RequireAbsolute(Uri? baseUri)
    {
        if (baseUri is { IsAbsoluteUri: false })
        {
            throw new ArgumentException("The base URI must be absolute.", nameof(baseUri));
        }
    }

    private static string? FilePathOf(Uri? uri) => uri is { IsAbsoluteUri: true, IsFile: true } ? uri.LocalPath : null;
}
