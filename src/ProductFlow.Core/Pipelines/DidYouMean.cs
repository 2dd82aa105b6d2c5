using System.Text.Json;

namespace ProductFlow.Pipelines;

/// <summary>"Did you mean" for a misspelt property or code: the closest known name, when one is close enough (<c>delimeter</c> -> <c>delimiter</c>, <c>colour</c> -> <c>color</c>).</summary>
public static class DidYouMean
{
    /// <summary>The candidate closest to <paramref name="word"/> (edit distance, ignoring case) within a third of its length (at least 2 edits); null when none is.</summary>
    public static string? Closest(string word, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(word);
        ArgumentNullException.ThrowIfNull(candidates);
        var limit = Math.Max(2, word.Length / 3);
        return candidates
            .Select(c => (Name: c, Distance: Distance(word.ToUpperInvariant(), c.ToUpperInvariant())))
            .Where(c => c.Distance <= limit && c.Distance > 0 || string.Equals(c.Name, word, StringComparison.OrdinalIgnoreCase) && c.Name != word)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)
            .FirstOrDefault();
    }

    /// <summary>" (did you mean 'x'?)", or empty.</summary>
    public static string Suffix(string word, IEnumerable<string> candidates) => Closest(word, candidates) is { } closest ? $" (did you mean '{closest}'?)" : "";

    /// <summary>The property names a JSON Schema allows in the object at <paramref name="jsonPath"/>'s parent (<c>$.source.delimeter</c>: the properties of <c>source</c>).</summary>
    public static IReadOnlyList<string> PropertiesAt(JsonElement schema, string jsonPath)
    {
        ArgumentNullException.ThrowIfNull(jsonPath);
        var segments = jsonPath.TrimStart('$').Replace("[", ".", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).Split('.', StringSplitOptions.RemoveEmptyEntries);
        var node = schema;
        foreach (var segment in segments[..^1])
        {
            node = Resolve(schema, node);
            if (node.TryGetProperty("properties", out var properties) && properties.TryGetProperty(segment, out var property))
            {
                node = property;
            }
            else if (segment.All(char.IsAsciiDigit) && node.TryGetProperty("items", out var items))
            {
                node = items;
            }
            else
            {
                return [];
            }
        }

        node = Resolve(schema, node);
        return node.TryGetProperty("properties", out var names) ? names.EnumerateObject().Select(p => p.Name).ToList() : [];
    }

    private static JsonElement Resolve(JsonElement root, JsonElement node)
    {
        for (var depth = 0; depth < 8 && node.ValueKind == JsonValueKind.Object && node.TryGetProperty("$ref", out var reference)
            && reference.GetString() is { } pointer && pointer.StartsWith("#/$defs/", StringComparison.Ordinal); depth++)
        {
            node = root.GetProperty("$defs").GetProperty(pointer["#/$defs/".Length..]);
        }

        return node;
    }

    /// <summary>The optimal string alignment distance: insertions, deletions, substitutions and swaps of two neighbours (<c>nmae</c> -> <c>name</c> is 1).</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
