using System.Text.Json;

namespace ProductFlow.JsonSchema;

/// <summary>One failed assertion, in the JSON Schema "basic" output shape.</summary>
/// <param name="InstanceLocation">JSON pointer to the failing value, e.g. <c>/variants/0/size</c>;
/// for <c>required</c> it is the object that misses the property.</param>
/// <param name="KeywordLocation">JSON pointer to the keyword along the evaluation path, through any
/// <c>$ref</c>, e.g. <c>/properties/size/minLength</c>.</param>
/// <param name="AbsoluteKeywordLocation">The keyword's absolute URI: the schema resource's URI and a
/// JSON pointer fragment.</param>
/// <param name="Message">A sentence a data steward understands, e.g. "must be at least 3 characters long".</param>
public sealed record ValidationError(string InstanceLocation, string KeywordLocation, string AbsoluteKeywordLocation, string Message)
{
    /// <summary>Writes the error as one object of the "basic" output's <c>errors</c> array.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("instanceLocation", InstanceLocation);
        writer.WriteString("keywordLocation", KeywordLocation);
        writer.WriteString("absoluteKeywordLocation", AbsoluteKeywordLocation);
        writer.WriteString("error", Message);
        writer.WriteEndObject();
    }
}
