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

    /// <summary>The UTF-16 surrogates (U+D800 to U+DFFF), searched as a set: on a row path the generic range search
    /// (<c>IndexOfAnyInRange</c> on chars) was seen allocating a boxed char per call.</summary>
    public static readonly SearchValues<char> Surrogates = SearchValues.Create(string.Concat(Enumerable.Range(0xD800, 0x800).Select(c => (char)c)));

    // A backslash (start of an escape) or any non-ASCII byte: one vectorised search answers both "escaped?" and "ASCII?".
    private static readonly SearchValues<byte> EscapeOrNonAscii = SearchValues.Create([(byte)'\\', .. Enumerable.Range(0x80, 0x80).Select(b => (byte)b)]);

    /// <summary>The raw UTF-8 of a string value without quotes, and what it holds: <paramref name="escaped"/>
    /// (JSON escapes, so the raw bytes are not the text) and <paramref name="codePoints"/> (its length when not escaped).</summary>
    public static ReadOnlySpan<byte> RawString(JsonElement value, out bool escaped, out int codePoints)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        raw = raw[1..^1];
        var special = raw.IndexOfAny(EscapeOrNonAscii);
        if (special < 0)
        {
            escaped = false;
            codePoints = raw.Length;
            return raw;
        }

        escaped = raw[special..].Contains((byte)'\\');
        codePoints = escaped ? -1 : CodePointLength(raw);
        return raw;
    }

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

    /// <summary>Code points in unescaped UTF-8.</summary>
    public static int CodePointLength(ReadOnlySpan<byte> raw) => raw.Length - CountContinuationBytes(raw);

    /// <summary>Code points in a .NET string (a surrogate pair counts once).</summary>
    public static int CodePointLength(string text) => CodePointLength(text.AsSpan());

    /// <summary>Code points in UTF-16 text (a surrogate pair counts once).</summary>
    public static int CodePointLength(ReadOnlySpan<char> text)
    {
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

    /// <summary>Runs <paramref name="check"/> on the decoded characters of a property name, decoding onto
    /// the stack (exactly as many characters as needed) or into a pooled array for long names.</summary>
    public static bool CheckName<TState>(JsonProperty property, TState state, Func<TState, ReadOnlySpan<char>, bool> check)
    {
        var raw = RawName(property, out var escaped);
        return escaped ? check(state, property.Name) : Check(raw, state, check);
    }

    private static bool Check<TState>(ReadOnlySpan<byte> raw, TState state, Func<TState, ReadOnlySpan<char>, bool> check)
    {
        char[]? rented = null;
        var buffer = raw.Length <= StackChars ? stackalloc char[raw.Length] : (rented = ArrayPool<char>.Shared.Rent(raw.Length));
        var written = Encoding.UTF8.GetChars(raw, buffer);
        var result = check(state, buffer[..written]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return result;
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
