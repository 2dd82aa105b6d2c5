using System.Text.Json;

namespace ProductFlow.JsonSchema.Keywords;

/// <summary>How values appear in messages: strings as they are, everything else as JSON.</summary>
internal static class ValueText
{
    public static string Of(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
}
