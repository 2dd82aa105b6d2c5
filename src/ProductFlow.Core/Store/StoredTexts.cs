using System.Text.Json;

namespace ProductFlow.Store;

/// <summary>
/// The data of stored values read back, each the string of the last document's value at the same position when the text is the same:
/// the documents of a channel's order are a model's variants, which repeat most of their texts (names, brand, colour, material).
/// </summary>
/// <remarks>Kept per thread, for the first values of a document; a value is compared on its bytes before any string is made.</remarks>
internal static class StoredTexts
{
    private const int Kept = 64;

    [ThreadStatic]
    private static string?[]? _last;

    /// <summary>The string the reader is on, the value at <paramref name="index"/> of its document.</summary>
    public static string At(ref Utf8JsonReader reader, int index)
    {
        var last = _last ??= new string?[Kept];
        if (index < last.Length && last[index] is { } same && reader.ValueTextEquals(same))
        {
            return same;
        }

        var text = reader.GetString()!;
        if (index < last.Length)
        {
            last[index] = text;
        }

        return text;
    }
}
