using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ProductFlow.Tests.Json;

/// <summary>The reference a writer's bytes are held to: the same JSON written again, string by string, by a writer of the given encoder.</summary>
/// <remarks>
/// <see cref="JsonElement.WriteTo"/> unescapes every name and string and hands it to the writer, which escapes it again with its
/// encoder: texts encoded ahead of time must come out exactly as the writer's own escaping, or the bytes differ.
/// </remarks>
internal static class WrittenJson
{
    public static byte[] Rewritten(ReadOnlySpan<byte> json, JavaScriptEncoder? encoder = null)
    {
        var reader = new Utf8JsonReader(json);
        using var document = JsonDocument.ParseValue(ref reader);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = encoder }))
        {
            document.RootElement.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Names, locales and values that every escaping treats apart: non-ASCII, quotes, HTML-sensitive, control characters, an emoji.</summary>
    public static readonly string[] Awkward = ["größe", "say \"hi\"", "<b>&amp;'+`", "tab\there\u0001\u001f", "😀 emoji", "日本語", "line\u2028sep", "back\\slash/"];
}
