using System.Text.Json;

namespace ProductFlow.Json;

/// <summary>The small <see cref="Utf8JsonWriter"/> habits of ProductFlow's documents: optional properties left out, string arrays, texts encoded once.</summary>
internal static class JsonWriting
{
    /// <summary>Writes <paramref name="name"/> only when <paramref name="value"/> is not <c>null</c>.</summary>
    public static void WriteOptional(this Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>As the overload with a string name, with a name encoded once.</summary>
    public static void WriteOptional(this Utf8JsonWriter writer, JsonEncodedText name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>As the overload without <paramref name="texts"/>, with the value taken from them (when it is not <c>null</c>).</summary>
    public static void WriteOptional(this Utf8JsonWriter writer, JsonEncodedText name, string? value, EncodedTexts? texts)
    {
        if (value is not null)
        {
            writer.WriteString(name, value, texts);
        }
    }

    /// <summary>Writes <paramref name="value"/> encoded once by <paramref name="texts"/> when they take it, else as a string: the same bytes.</summary>
    public static void WriteString(this Utf8JsonWriter writer, JsonEncodedText name, string value, EncodedTexts? texts)
    {
        if (texts?.Get(value) is { } encoded)
        {
            writer.WriteString(name, encoded);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>Writes the property name <paramref name="name"/>, from <paramref name="texts"/> when they take it (a name of a small set).</summary>
    public static void WritePropertyName(this Utf8JsonWriter writer, string name, EncodedTexts? texts)
    {
        if (texts?.Get(name) is { } encoded)
        {
            writer.WritePropertyName(encoded);
        }
        else
        {
            writer.WritePropertyName(name);
        }
    }

    /// <summary>Writes <paramref name="value"/> encoded once by <paramref name="texts"/> when they take it, else as a string.</summary>
    public static void WriteStringValue(this Utf8JsonWriter writer, string value, EncodedTexts? texts)
    {
        if (texts?.Get(value) is { } encoded)
        {
            writer.WriteStringValue(encoded);
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }

    /// <summary>The texts to use with <paramref name="writer"/>: <paramref name="texts"/> when their encoder is the writer's, else none (a writer of another encoder would escape otherwise).</summary>
    public static EncodedTexts? For(this Utf8JsonWriter writer, EncodedTexts texts) =>
        ReferenceEquals(writer.Options.Encoder, texts.Encoder) ? texts : null;

    /// <summary>As the overload for any sequence, indexing a list instead of enumerating it through an interface (no boxed enumerator per call).</summary>
    public static void WriteStrings(this Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(values);
        writer.WriteStartArray(name);
        for (var i = 0; i < values.Count; i++)
        {
            writer.WriteStringValue(values[i]);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes the array <paramref name="name"/> of <paramref name="values"/>, each from <paramref name="texts"/> when they take it.</summary>
    public static void WriteStrings(this Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<string> values, EncodedTexts? texts)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(values);
        writer.WriteStartArray(name);
        for (var i = 0; i < values.Count; i++)
        {
            writer.WriteStringValue(values[i], texts);
        }

        writer.WriteEndArray();
    }

    public static void WriteStrings(this Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    /// <summary>As the overload with a string name, with a name encoded once.</summary>
    public static void WriteStrings(this Utf8JsonWriter writer, JsonEncodedText name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
