using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ProductFlow.Connectors.Json;

/// <summary>How JSON objects become rows: the columns are JSON pointers, each evaluated on every object.</summary>
/// <remarks>
/// A pipeline's mapping names its columns as JSON pointers (<c>/dimensions/weight</c>), or as plain top-level property
/// names (<c>sku</c> is <c>/sku</c>); property names match case-sensitively, as JSON is. Those columns are the feed's
/// header. Without a mapping (<c>productflow inspect</c>), the header is the leaf pointers of the first object.
/// Values are the raw text a CSV cell would hold: a string as is, a number as written in the file (<c>12.50</c> stays
/// <c>12.50</c>), <c>true</c>/<c>false</c>, <c>null</c> or a missing property as empty, an array of scalars joined with
/// <c>,</c>, any other object or array as its compact JSON.
/// </remarks>
internal static class JsonColumns
{
    public static FeedHeader Header(FeedSource source, JsonElement first)
    {
        List<string> columns;
        try
        {
            columns = source.RequiredColumns.Count > 0 ? source.RequiredColumns.ToList() : Leaves(first).ToList();
        }
        catch (InvalidOperationException)
        {
            columns = []; // a first object whose property names are not valid text: its row reports it
        }

        var header = new FeedHeader(columns, ',') { Encoding = "utf-8" };
        source.HeaderRead?.Invoke(header);
        return header;
    }

    /// <summary>The fields of <paramref name="item"/>, or <c>null</c> with <paramref name="error"/> when its text is not valid (bad UTF-8, a lone surrogate escape).</summary>
    public static string[]? TryFields(JsonElement item, FeedHeader header, out string? error)
    {
        try
        {
            error = null;
            return Fields(item, header);
        }
        catch (InvalidOperationException e)
        {
            // System.Text.Json validates string contents only when they are read.
            error = e.Message;
            return null;
        }
    }

    public static string[] Fields(JsonElement item, FeedHeader header)
    {
        var fields = new string[header.Columns.Count];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = TryEvaluate(item, header.Columns[i], out var value) ? Text(value) : "";
        }

        return fields;
    }

    /// <summary>Evaluates a JSON pointer (RFC 6901), or a plain property name, on <paramref name="root"/>.</summary>
    public static bool TryEvaluate(JsonElement root, string pointer, out JsonElement value)
    {
        value = root;
        if (!pointer.StartsWith('/'))
        {
            return root.ValueKind == JsonValueKind.Object && root.TryGetProperty(pointer, out value);
        }

        foreach (var raw in pointer[1..].Split('/'))
        {
            var token = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            switch (value.ValueKind)
            {
                case JsonValueKind.Object when value.TryGetProperty(token, out var child):
                    value = child;
                    break;
                case JsonValueKind.Array when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < value.GetArrayLength():
                    value = value[index];
                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    public static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null or JsonValueKind.Undefined => "",
        JsonValueKind.Array when value.EnumerateArray().All(IsScalar) => string.Join(",", value.EnumerateArray().Select(Text)),
        _ => JsonSerializer.Serialize(value),
    };

    private static bool IsScalar(JsonElement value) => value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array);

    private static IEnumerable<string> Leaves(JsonElement value, string prefix = "")
    {
        if (value.ValueKind != JsonValueKind.Object || (prefix.Length > 0 && !value.EnumerateObject().Any()))
        {
            yield return prefix;
            yield break;
        }

        foreach (var property in value.EnumerateObject())
        {
            var escaped = new StringBuilder(property.Name).Replace("~", "~0").Replace("/", "~1");
            foreach (var leaf in Leaves(property.Value, prefix + "/" + escaped))
            {
                yield return leaf;
            }
        }
    }
}
