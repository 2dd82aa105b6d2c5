using System.Text.Json;

namespace ProductFlow.JsonSchema.Loading;

/// <summary>RFC 6901 JSON pointers: escaping, and walking a <see cref="JsonElement"/>.</summary>
internal static class JsonPointer
{
    public static string Escape(string token) =>
        token.Contains('~', StringComparison.Ordinal) || token.Contains('/', StringComparison.Ordinal)
            ? token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)
            : token;

    public static string Append(string pointer, string token) => pointer + "/" + Escape(token);

    public static string Append(string pointer, int index) => pointer + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Turns a URI fragment (percent-encoded) into a canonical JSON pointer; <c>null</c> if it is not a pointer.</summary>
    public static string? FromFragment(string fragment)
    {
        var decoded = Uri.UnescapeDataString(fragment);
        return decoded.Length == 0 || decoded[0] == '/' ? decoded : null;
    }

    public static string[] Tokens(string pointer)
    {
        if (pointer.Length == 0)
        {
            return [];
        }

        var parts = pointer[1..].Split('/');
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = parts[i].Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
        }

        return parts;
    }

    public static bool TryResolve(JsonElement root, string pointer, out JsonElement value)
    {
        value = root;
        foreach (var token in Tokens(pointer))
        {
            if (value.ValueKind == JsonValueKind.Object)
            {
                if (!value.TryGetProperty(token, out value))
                {
                    return false;
                }
            }
            else if (value.ValueKind == JsonValueKind.Array)
            {
                if (!int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
                    || index >= value.GetArrayLength() || (token.Length > 1 && token[0] == '0'))
                {
                    return false;
                }

                value = value[index];
            }
            else
            {
                return false;
            }
        }

        return true;
    }
}
