using System.Text.Encodings.Web;
using System.Text.Json;

namespace ProductFlow.Json;

/// <summary>Texts that repeat from a small set (attribute codes, locales, channels, currencies, field names), escaped and transcoded once.</summary>
/// <remarks>
/// <para>A <see cref="Utf8JsonWriter"/> given a string transcodes it and checks it for escaping on every write; a
/// <see cref="JsonEncodedText"/> is copied as it is. The bytes are the same as long as the text is encoded with the writer's
/// encoder: a cache belongs to one encoder (<c>null</c>: the writers' default) and is used only with writers of that encoder
/// (<see cref="JsonWriting.For"/>).</para>
/// <para>Bounded: texts longer than <see cref="MaxLength"/> are not kept, and the cache starts again empty when it holds
/// <c>capacity</c> texts, so a catalog of ever new names costs a lookup and an encoding per text, never memory without limit.
/// A text that is not valid UTF-16 (a lone surrogate) is not encoded here: the writer's own path writes it, as it always did.
/// Not thread-safe: one cache per writer, or per thread.</para>
/// </remarks>
internal sealed class EncodedTexts
{
    public const int MaxLength = 64;

    private readonly Dictionary<string, JsonEncodedText?> _texts = new(StringComparer.Ordinal);
    private readonly int _capacity;
    private string? _last; // the last text looked up, by reference: values of one attribute come in runs, and a locale follows a locale
    private JsonEncodedText? _lastEncoded;

    /// <param name="encoder">The encoder of the writers the texts are for; <c>null</c> for the default one (<see cref="JavaScriptEncoder.Default"/>).</param>
    /// <param name="capacity">The most texts kept; 1,024 by default.</param>
    public EncodedTexts(JavaScriptEncoder? encoder = null, int capacity = 1024)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Encoder = encoder;
        _capacity = capacity;
    }

    public JavaScriptEncoder? Encoder { get; }

    /// <summary>How many texts the cache holds.</summary>
    public int Count => _texts.Count;

    /// <summary><paramref name="text"/> encoded with <see cref="Encoder"/>, or <c>null</c> when the cache does not take it (too long, not valid UTF-16).</summary>
    public JsonEncodedText? Get(string text)
    {
        if (ReferenceEquals(text, _last))
        {
            return _lastEncoded;
        }

        if (text.Length > MaxLength)
        {
            return null;
        }

        if (!_texts.TryGetValue(text, out var encoded))
        {
            if (_texts.Count >= _capacity)
            {
                _texts.Clear();
            }

            encoded = Encode(text);
            _texts.Add(text, encoded);
        }

        _last = text;
        _lastEncoded = encoded;
        return encoded;
    }

    private JsonEncodedText? Encode(string text)
    {
        try
        {
            return JsonEncodedText.Encode(text, Encoder);
        }
        catch (ArgumentException)
        {
            // Invalid UTF-16: the writer replaces a lone surrogate where Encode refuses it; left to the writer, the bytes stay the writer's.
            return null;
        }
    }
}
