using System.Text.Json;

namespace ProductFlow.JsonSchema.Validation;

/// <summary>One step of the instance location: a property (index -1) or an array index.</summary>
/// <remarks>Holds the property itself so its name only becomes a string when an error is reported.</remarks>
internal readonly record struct PathSegment(JsonProperty Property, int Index);
