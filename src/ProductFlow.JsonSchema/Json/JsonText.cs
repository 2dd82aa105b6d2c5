using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace ProductFlow.JsonSchema.Json;

/// <summary>Allocation-free access to string values and property names of a <see cref="JsonElement"/>.</summary>
internal static class JsonText
{
    /// <summary>Characters decoded onto the stack up to this size; longer strings rent from the pool.</summary>
    public const int StackChars = 256;

    /// <summary>The raw UTF-8 of a string value without quotes; <paramref name="escaped"/> tells whether it holds escapes.</summary>
    public static ReadOnlySpan<byte> RawString(JsonElement value, out bool escaped)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        raw = raw[1..^1];
        escaped = raw.Contains((byte)'\\');
        return raw;
    }

    public static ReadOnlySpan<byte> RawName(JsonProperty property, out bool escaped)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        escaped = raw.Contains((byte)'\\');
        return raw;
    }

    /// <summary>Length in Unicode code points, as JSON Schema counts string length.</summary>
    public static int CodePointLength(JsonElement value)
    {
        var raw = RawString(value, out var escaped);
        if (escaped)
        {
            var text = value.GetString()!;
            var count = 0;
            for (var i = 0; i < text.Length; i++)
            {
                if (!char.IsLowSurrogate(text[i]) || i == 0 || !char.IsHighSurrogate(text[i - 1]))
                {
                    count++;
                }
            }

            return count;
        }

        // Every UTF-8 byte that is not a continuation byte (10xxxxxx) starts a code point.
        return raw.Length - CountContinuationBytes(raw);
    }

    /// <summary>Decodes a string value into <paramref name="buffer"/>, a rented array or the value's own string.</summary>
    /// <remarks>Return <paramref name="rented"/> to <see cref="ArrayPool{T}.Shared"/> when it is not <c>null</c>.</remarks>
    public static ReadOnlySpan<char> Chars(JsonElement value, Span<char> buffer, out char[]? rented)
    {
        rented = null;
        var raw = RawString(value, out var escaped);
        if (escaped)
        {
            return value.GetString();
        }

        return Decode(raw, buffer, out rented);
    }

    public static ReadOnlySpan<char> NameChars(JsonProperty property, Span<char> buffer, out char[]? rented)
    {
        rented = null;
        var raw = RawName(property, out var escaped);
        return escaped ? property.Name : Decode(raw, buffer, out rented);
    }

    private static ReadOnlySpan<char> Decode(ReadOnlySpan<byte> raw, Span<char> buffer, out char[]? rented)
    {
        rented = null;
        if (raw.Length > buffer.Length)
        {
            rented = ArrayPool<char>.Shared.Rent(raw.Length);
            buffer = rented;
        }

        var written = Encoding.UTF8.GetChars(raw, buffer);
        return buffer[..written];
    }

    private static int CountContinuationBytes(ReadOnlySpan<byte> raw)
    {
        if (Ascii.IsValid(raw))
        {
            return 0;
        }

        var count = 0;
        foreach (var b in raw)
        {
            if ((b & 0xC0) == 0x80)
            {
                count++;
            }
        }

        return count;
    }
}
