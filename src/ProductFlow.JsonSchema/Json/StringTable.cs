using System.Buffers.Binary;
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
    private readonly bool _keysHaveBackslash;

    public StringTable(IReadOnlyList<string> strings)
    {
        Strings = strings;
        _keys = [.. strings.Select(Encoding.UTF8.GetBytes)];
        _keysHaveBackslash = _keys.Any(k => k.Contains((byte)'\\'));
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
    public int IndexOf(ReadOnlySpan<byte> utf8)
    {
        var slot = Hash(utf8) & _mask;
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
    public int IndexOfValue(JsonElement value) => IndexOfRaw(JsonText.RawString(value, out _), value, default);

    /// <summary>The index of a property's name, or -1.</summary>
    public int IndexOfName(JsonProperty property) => IndexOfRaw(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8PropertyName(property), default, property);

    /// <summary>Looks the raw (possibly escaped) bytes up first: raw JSON text holds a backslash only in
    /// an escape, so when no key contains one a hit is exact and only a miss needs the escape check.</summary>
    private int IndexOfRaw(ReadOnlySpan<byte> raw, JsonElement value, JsonProperty property)
    {
        if (!_keysHaveBackslash)
        {
            var index = IndexOf(raw);
            if (index >= 0 || !raw.Contains((byte)'\\'))
            {
                return index;
            }
        }
        else if (!raw.Contains((byte)'\\'))
        {
            return IndexOf(raw);
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : property.Name;
        return IndexOf(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>Length and up to sixteen bytes (first and last eight), mixed: names and enum values are short.</summary>
    private static int Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = (ulong)bytes.Length * 0x9E3779B97F4A7C15UL;
        if (bytes.Length >= 8)
        {
            hash ^= BinaryPrimitives.ReadUInt64LittleEndian(bytes);
            hash = (hash * 0xBF58476D1CE4E5B9UL) ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes[^8..]);
        }
        else if (bytes.Length >= 4)
        {
            hash ^= BinaryPrimitives.ReadUInt32LittleEndian(bytes) | ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(bytes[^4..]) << 32);
        }
        else if (bytes.Length > 0)
        {
            hash ^= bytes[0] | ((ulong)bytes[^1] << 8) | ((ulong)bytes[bytes.Length / 2] << 16);
        }

        hash *= 0x94D049BB133111EBUL;
        return (int)(hash ^ (hash >> 29));
    }
}
