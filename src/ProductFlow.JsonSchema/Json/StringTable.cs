using System.Buffers;
using System.Text.Json;

namespace ProductFlow.JsonSchema.Json;

/// <summary>A fixed set of strings, each with an index, looked up by JSON string values or
/// property names without allocating.</summary>
internal sealed class StringTable
{
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public StringTable(IReadOnlyList<string> strings)
    {
        var map = new Dictionary<string, int>(strings.Count, StringComparer.Ordinal);
        for (var i = 0; i < strings.Count; i++)
        {
            map.TryAdd(strings[i], i);
        }

        _lookup = map.GetAlternateLookup<ReadOnlySpan<char>>();
        Strings = strings;
    }

    public IReadOnlyList<string> Strings { get; }

    public int Count => Strings.Count;

    /// <summary>The index of a string value, or -1.</summary>
    public int IndexOfValue(JsonElement value)
    {
        Span<char> buffer = stackalloc char[JsonText.StackChars];
        var chars = JsonText.Chars(value, buffer, out var rented);
        var index = _lookup.TryGetValue(chars, out var found) ? found : -1;
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return index;
    }

    /// <summary>The index of a property's name, or -1.</summary>
    public int IndexOfName(JsonProperty property)
    {
        Span<char> buffer = stackalloc char[JsonText.StackChars];
        var chars = JsonText.NameChars(property, buffer, out var rented);
        var index = _lookup.TryGetValue(chars, out var found) ? found : -1;
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return index;
    }
}
