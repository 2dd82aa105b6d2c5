using System.Text.Json;

namespace ProductFlow.Json;

/// <summary>The small <see cref="Utf8JsonWriter"/> habits of ProductFlow's documents: optional properties left out, string arrays, names encoded once.</summary>
internal static class JsonWriting
{
    /// <summary>
    /// <paramref name="text"/> encoded once, as a writer with <paramref name="encoder"/> (default: the default one) escapes it; <c>null</c>
    /// for text that is not valid UTF-16 (a lone surrogate), which a writer escapes from the string where encoding ahead refuses it.
    /// </summary>
    public static JsonEncodedText? TryEncode(string text, System.Text.Encodings.Web.JavaScriptEncoder? encoder = null)
    {
        try
        {
            return JsonEncodedText.Encode(text, encoder);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

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

    /// <summary>As the overload for any sequence, indexing a list instead of enumerating it through an interface (no boxed enumerator per call).</summary>
    public static void WriteStrings(this Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(values);
        writer.WriteStartArray(name);
        WriteValues(writer, values);
    }

    /// <summary>As the overload with a string name, with a name encoded once.</summary>
    public static void WriteStrings(this Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(values);
        writer.WriteStartArray(name);
        WriteValues(writer, values);
    }

    // The values of an array just started, and its end.
    private static void WriteValues(Utf8JsonWriter writer, IReadOnlyList<string> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            writer.WriteStringValue(values[i]);
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
