using System.Text.Json;

namespace ProductFlow.Store;

/// <summary>
/// The names a stored document repeats (attributes, locales, channels, currencies, categories, groups: small vocabularies) read as one
/// string per name and thread instead of one per occurrence; the values of a thread's records then share their names' strings.
/// </summary>
internal static class StoredNames
{
    private const int MaxNames = 4096;

    [ThreadStatic]
    private static Dictionary<string, string>? _names;

    /// <summary>The string the reader is on, one per name and thread.</summary>
    public static string At(ref Utf8JsonReader reader)
    {
        if (reader.HasValueSequence || reader.ValueIsEscaped || reader.ValueSpan.Length > 64)
        {
            return reader.GetString()!;
        }

        Span<char> chars = stackalloc char[64];
        var length = System.Text.Encoding.UTF8.GetChars(reader.ValueSpan, chars);
        var names = _names ??= new Dictionary<string, string>(StringComparer.Ordinal);
        var lookup = names.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(chars[..length], out var name))
        {
            return name;
        }

        if (names.Count >= MaxNames)
        {
            names.Clear();
        }

        name = new string(chars[..length]);
        names[name] = name;
        return name;
    }
}
