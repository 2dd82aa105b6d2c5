using System.Text;
using System.Text.Json;

namespace ProductFlow.JsonSchema.Json;

/// <summary>A fixed set of strings, each with an index, found by the raw UTF-8 of JSON string values
/// or property names: hashed and compared as bytes, without decoding or allocating.</summary>
/// <remarks>Values or names containing JSON escapes are unescaped first (that path allocates).
/// Duplicate strings keep the index of their first occurrence.</remarks>
internal sealed class StringTable
{
    private readonly byte[][] _keys;
    private readonly int[] _buckets;
    private readonly int _mask;

    public StringTable(IReadOnlyList<string> strings)
    {
        Strings = strings;
        _keys = [.. strings.Select(Encoding.UTF8.GetBytes)];
        var size = 4;
        while (size < strings.Count * 2)
        {
            size *= 2;
        }

        _buckets = new int[size];
        _mask = size - 1;
        for (var i = 0; i < _keys.Length; i++)
        {
            if (IndexOf(_keys[i]) >= 0)
            {
                continue;
            }

            var slot = Hash(_keys[i]) & _mask;
            while (_buckets[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _buckets[slot] = i + 1;
        }
    }

    public IReadOnlyList<string> Strings { get; }

    public int Count => Strings.Count;

    /// <summary>The UTF-8 bytes of entry <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> Utf8(int index) => _keys[index];

    /// <summary>The index of unescaped UTF-8 text, or -1.</summary>
    public int IndexOf(ReadOnlySpan<byte> utf8) => Find(utf8, Hash(utf8));

    private int Find(ReadOnlySpan<byte> utf8, int hash)
    {
        var slot = hash & _mask;
        while (true)
        {
            var entry = _buckets[slot];
            if (entry == 0)
            {
                return -1;
            }

            if (_keys[entry - 1].AsSpan().SequenceEqual(utf8))
            {
                return entry - 1;
            }

            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>The index of a string value, or -1.</summary>
    public int IndexOfValue(JsonElement value)
    {
        var raw = JsonText.RawString(value, out var escaped);
        return escaped ? IndexOf(Encoding.UTF8.GetBytes(value.GetString()!)) : IndexOf(raw);
    }

    /// <summary>The index of a property's name, or -1. Hashing and looking for escapes share one pass.</summary>
    public int IndexOfName(JsonProperty property)
    {
        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8PropertyName(property);
        var hash = 2166136261u;
        var escaped = false;
        foreach (var b in raw)
        {
            hash = (hash ^ b) * 16777619u;
            escaped |= b == (byte)'\\';
        }

        return escaped ? IndexOf(Encoding.UTF8.GetBytes(property.Name)) : Find(raw, (int)(hash ^ (hash >> 15)));
    }

    /// <summary>FNV-1a over the bytes: short property names hash in a few nanoseconds.</summary>
    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash ^ (hash >> 15));
    }
}
