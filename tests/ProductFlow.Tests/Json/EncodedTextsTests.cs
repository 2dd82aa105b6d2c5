using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using ProductFlow.Json;

namespace ProductFlow.Tests.Json;

public class EncodedTextsTests
{
    private static readonly JavaScriptEncoder?[] Encoders = [null, JavaScriptEncoder.Create(UnicodeRanges.All), JavaScriptEncoder.UnsafeRelaxedJsonEscaping];

    [Test]
    public void Texts_from_the_cache_are_the_bytes_the_writer_makes_of_the_strings_for_every_encoder()
    {
        string[] texts = [.. WrittenJson.Awkward, "plain", "", "x\uD800y", "\uDC00", new string('é', EncodedTexts.MaxLength + 1)];
        foreach (var encoder in Encoders)
        {
            var cache = new EncodedTexts(encoder);
            var name = JsonEncodedText.Encode("name", encoder);
            for (var round = 0; round < 2; round++) // the second from the cache
            {
                foreach (var text in texts)
                {
                    var expected = Write(encoder, w => w.WriteString(text, text));
                    var cached = Write(encoder, w =>
                    {
                        w.WritePropertyName(text, cache);
                        w.WriteStringValue(text, cache);
                    });
                    Assert.That(cached, Is.EqualTo(expected), $"{text} with {encoder?.GetType().Name ?? "the default encoder"}, round {round}");
                    Assert.That(Write(encoder, w => w.WriteString(name, text, cache)), Is.EqualTo(Write(encoder, w => w.WriteString("name", text))));
                }
            }
        }
    }

    [Test]
    public void A_lone_surrogate_or_a_long_text_is_left_to_the_writer()
    {
        var cache = new EncodedTexts();

        Assert.That(cache.Get("x\uD800y"), Is.Null);
        Assert.That(cache.Get(new string('a', EncodedTexts.MaxLength + 1)), Is.Null);
        Assert.That(cache.Get("attribute")?.Value, Is.EqualTo("attribute"));
    }

    [Test]
    public void The_cache_never_holds_more_than_its_capacity()
    {
        var cache = new EncodedTexts(capacity: 100);
        for (var i = 0; i < 1_000; i++)
        {
            Assert.That(cache.Get($"name-{i}")?.Value, Is.EqualTo($"name-{i}"));
            Assert.That(cache.Count, Is.LessThanOrEqualTo(100));
        }
    }

    [Test]
    public void Texts_are_used_only_with_a_writer_of_their_encoder()
    {
        var texts = new EncodedTexts();
        using var plain = new Utf8JsonWriter(new ArrayBufferWriter<byte>());
        using var relaxed = new Utf8JsonWriter(new ArrayBufferWriter<byte>(), new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        Assert.That(plain.For(texts), Is.SameAs(texts));
        Assert.That(relaxed.For(texts), Is.Null);
    }

    private static byte[] Write(JavaScriptEncoder? encoder, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = encoder }))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
