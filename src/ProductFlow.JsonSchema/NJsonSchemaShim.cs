using System.Text.Json;

namespace ProductFlow.JsonSchema;

/// <summary>A JSON Schema, validated through NJsonSchema until the compiled validator lands.</summary>
public sealed class JsonSchema
{
    private readonly NJsonSchema.JsonSchema _schema;

    private JsonSchema(NJsonSchema.JsonSchema schema) => _schema = schema;

    public static JsonSchema FromFile(string path, SchemaOptions? options = null) => FromText(File.ReadAllText(path));

    // NJsonSchema knows draft-07's "definitions" only.
    public static JsonSchema FromText(string json, Uri? baseUri = null, SchemaOptions? options = null) =>
        new(NJsonSchema.JsonSchema.FromJsonAsync(json.Replace("$defs", "definitions", StringComparison.Ordinal)).GetAwaiter().GetResult());

    public bool IsValid(JsonElement instance) => Validate(instance).IsValid;

    public ValidationResult Validate(JsonElement instance)
    {
        var errors = _schema.Validate(instance.GetRawText());
        return new ValidationResult(errors.Select(e => new ValidationError(
            "/" + (e.Path ?? "#").TrimStart('#', '/').Replace('.', '/').Replace("[", "/", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal),
            e.Kind.ToString(), e.Kind.ToString(), e.Kind + (e.Property is null ? "" : " " + e.Property))).ToList());
    }
}

/// <summary>Options of schema loading.</summary>
public sealed class SchemaOptions
{
    public bool AssertFormat { get; init; }
}

/// <summary>The errors of one validation.</summary>
public sealed class ValidationResult(IReadOnlyList<ValidationError> errors)
{
    public bool IsValid => Errors.Count == 0;

    public IReadOnlyList<ValidationError> Errors { get; } = errors;
}

/// <summary>One validation error in the "basic" output shape.</summary>
public sealed record ValidationError(string InstanceLocation, string KeywordLocation, string AbsoluteKeywordLocation, string Message);

/// <summary>A schema could not be loaded.</summary>
public sealed class SchemaLoadException(string message) : Exception(message)
{
    public string? File { get; init; }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "A JSON pointer.")]
    public string Pointer { get; init; } = "";
}
