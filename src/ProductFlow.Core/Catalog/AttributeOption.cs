using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProductFlow.Catalog;

/// <summary>An option of a select or multi-select attribute: its code (what is stored) and its labels per locale (what people read).</summary>
/// <remarks>
/// In the catalog file an option is its code (<c>"black"</c>) or an object with labels (<c>{"code": "black", "labels": {"nb_NO": "Svart"}}</c>).
/// A feed may send a code or any label, in any case (<c>Svart</c> is stored as <c>black</c>); a channel column may write labels in its locale.
/// </remarks>
[JsonConverter(typeof(AttributeOptionConverter))]
public sealed record AttributeOption(string Code)
{
    /// <summary>Labels by locale (<c>nb_NO</c> -> <c>Svart</c>); none by default.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    public static implicit operator AttributeOption(string code) => new(code);

    public static AttributeOption FromString(string code) => new(code);

    /// <summary>The label in <paramref name="locale"/>, else the code.</summary>
    public string LabelOrCode(string? locale) => locale is not null && Labels.TryGetValue(locale, out var label) ? label : Code;

    public override string ToString() => Code;
}

/// <summary>Reads an option as a code or as <c>{code, labels}</c>; writes a code alone when it has no labels.</summary>
internal sealed class AttributeOptionConverter : JsonConverter<AttributeOption>
{
    public override AttributeOption Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new AttributeOption(reader.GetString()!);
        }

        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        var labels = root.TryGetProperty("labels", out var given)
            ? given.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal)
            : [];
        return new AttributeOption(root.GetProperty("code").GetString()!) { Labels = labels };
    }

    public override void Write(Utf8JsonWriter writer, AttributeOption value, JsonSerializerOptions options)
    {
        if (value.Labels.Count == 0)
        {
            writer.WriteStringValue(value.Code);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("code", value.Code);
        writer.WriteStartObject("labels");
        foreach (var (locale, label) in value.Labels)
        {
            writer.WriteString(locale, label);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
