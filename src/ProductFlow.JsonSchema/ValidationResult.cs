using System.Text;
using System.Text.Json;

namespace ProductFlow.JsonSchema;

/// <summary>The outcome of <see cref="JsonSchema.Validate"/>: validity and every error found.</summary>
/// <remarks><see cref="ToJson"/> writes the JSON Schema "basic" output format:
/// <c>{"valid":false,"errors":[{"instanceLocation":..,"keywordLocation":..,"absoluteKeywordLocation":..,"error":..}]}</c>.</remarks>
public sealed class ValidationResult
{
    internal ValidationResult(IReadOnlyList<ValidationError> errors)
    {
        Errors = errors;
    }

    /// <summary><c>true</c> when the instance satisfies the schema.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>The errors, in evaluation order; empty when valid.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    /// <summary>The result as JSON in the "basic" output shape.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteBoolean("valid", IsValid);
            if (!IsValid)
            {
                writer.WriteStartArray("errors");
                foreach (var error in Errors)
                {
                    error.WriteTo(writer);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
