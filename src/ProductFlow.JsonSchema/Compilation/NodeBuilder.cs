using System.Text.Json;
using ProductFlow.JsonSchema.Loading;
using ProductFlow.JsonSchema.Validation;

namespace ProductFlow.JsonSchema.Compilation;

/// <summary>What keyword factories need while one schema object is compiled: its keywords,
/// child compilation and precise load errors.</summary>
internal sealed class NodeBuilder
{
    private readonly SchemaDocument _document;
    private readonly string _pointer;
    private readonly SchemaLocation _location;

    public NodeBuilder(SchemaCompiler compiler, SchemaDocument document, string pointer, JsonElement element, SchemaLocation location, SchemaPosition position)
    {
        Compiler = compiler;
        _document = document;
        _pointer = pointer;
        _location = location;
        Element = element;
        Position = position;
    }

    public SchemaCompiler Compiler { get; }

    public JsonElement Element { get; }

    public SchemaPosition Position { get; }

    public Dialect Dialect => _location.Dialect;

    public string BaseUri => _location.BaseUri;

    public bool IsObject => Element.ValueKind == JsonValueKind.Object;

    /// <summary>Set by unevaluated keywords: the node must gather annotations of its own keywords.</summary>
    public bool NeedsOwnAnnotations { get; set; }

    public bool AssertFormat => Compiler.Options.AssertFormat || Dialect.Has(Vocabularies.FormatAssertion);

    public bool TryGet(string keyword, out JsonElement value)
    {
        if (Element.ValueKind == JsonValueKind.Object && Element.TryGetProperty(keyword, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    public SchemaNode Subschema(string keyword) => Child(JsonPointer.Append(_pointer, keyword));

    public SchemaNode Subschema(string keyword, string name) => Child(JsonPointer.Append(JsonPointer.Append(_pointer, keyword), name));

    public SchemaNode Subschema(string keyword, int index) => Child(JsonPointer.Append(JsonPointer.Append(_pointer, keyword), index));

    /// <summary>Compiles the schema a reference (resolved against this schema's base URI) names.</summary>
    public SchemaNode Reference(string keyword, string reference, out string absoluteUri)
    {
        absoluteUri = UriReference.Resolve(BaseUri, reference);
        return Compiler.CompileUri(absoluteUri, Dialect)
            ?? throw Invalid(keyword, $"cannot resolve {keyword} '{reference}' (resolved to {absoluteUri})");
    }

    public SchemaLoadException Invalid(string keyword, string problem) =>
        new(_document.DisplayName, JsonPointer.Append(_pointer, keyword), problem);

    public SchemaLoadException Invalid(string keyword, int index, string problem) =>
        new(_document.DisplayName, JsonPointer.Append(JsonPointer.Append(_pointer, keyword), index), problem);

    /// <summary>A non-negative integer keyword value; <c>2.0</c> counts as 2.</summary>
    public int Count(string keyword, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number) && number >= 0 && decimal.Truncate(number) == number)
        {
            return number > int.MaxValue ? int.MaxValue : (int)number;
        }

        throw Invalid(keyword, "must be a non-negative integer");
    }

    public JsonElement Expect(string keyword, JsonElement value, JsonValueKind kind, string what) =>
        value.ValueKind == kind ? value : throw Invalid(keyword, "must be " + what);

    public string ExpectString(string keyword, JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Invalid(keyword, "must be a string");

    private SchemaNode Child(string pointer)
    {
        var element = _document.ElementAt(pointer);
        if (element.ValueKind is not (JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False))
        {
            throw new SchemaLoadException(_document.DisplayName, pointer, "must be a schema (an object or a boolean)");
        }

        return Compiler.Compile(_document, pointer);
    }
}
