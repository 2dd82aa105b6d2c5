using System.Text.Json;

namespace ProductFlow.JsonSchema.Json;

/// <summary>JSON value equality as JSON Schema defines it: numbers by value (1 == 1.0), objects
/// regardless of property order, strings after unescaping.</summary>
internal static class JsonEquality
{
    public static bool AreEqual(JsonElement a, JsonElement b)
    {
        var kind = a.ValueKind;
        if (kind != b.ValueKind)
        {
            return false;
        }

        switch (kind)
        {
            case JsonValueKind.Number:
                return JsonNumber.From(a).CompareTo(JsonNumber.From(b)) == 0;
            case JsonValueKind.String:
                return StringsEqual(a, b);
            case JsonValueKind.Array:
                return ArraysEqual(a, b);
            case JsonValueKind.Object:
                return ObjectsEqual(a, b);
            default:
                return true;
        }
    }

    /// <summary>A hash consistent with <see cref="AreEqual"/>.</summary>
    public static int Hash(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                value.TryGetDouble(out var d);
                return d.GetHashCode();
            case JsonValueKind.String:
                return StringComparer.Ordinal.GetHashCode(value.GetString()!);
            case JsonValueKind.Array:
                var arrayHash = 17;
                foreach (var item in value.EnumerateArray())
                {
                    arrayHash = (arrayHash * 31) + Hash(item);
                }

                return arrayHash;
            case JsonValueKind.Object:
                var objectHash = 19;
                foreach (var property in value.EnumerateObject())
                {
                    // Order-independent: combine with addition.
                    objectHash += StringComparer.Ordinal.GetHashCode(property.Name) ^ Hash(property.Value);
                }

                return objectHash;
            default:
                return (int)value.ValueKind;
        }
    }

    private static bool StringsEqual(JsonElement a, JsonElement b)
    {
        var rawA = JsonText.RawString(a, out var escapedA);
        var rawB = JsonText.RawString(b, out var escapedB);
        if (!escapedA && !escapedB)
        {
            return rawA.SequenceEqual(rawB);
        }

        return string.Equals(a.GetString(), b.GetString(), StringComparison.Ordinal);
    }

    private static bool ArraysEqual(JsonElement a, JsonElement b)
    {
        if (a.GetArrayLength() != b.GetArrayLength())
        {
            return false;
        }

        using var left = a.EnumerateArray();
        using var right = b.EnumerateArray();
        while (left.MoveNext() && right.MoveNext())
        {
            if (!AreEqual(left.Current, right.Current))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ObjectsEqual(JsonElement a, JsonElement b)
    {
        if (a.GetPropertyCount() != b.GetPropertyCount())
        {
            return false;
        }

        foreach (var property in a.EnumerateObject())
        {
            var name = JsonText.RawName(property, out var escaped);
            var found = escaped ? b.TryGetProperty(property.Name, out var other) : b.TryGetProperty(name, out other);
            if (!found || !AreEqual(property.Value, other))
            {
                return false;
            }
        }

        return true;
    }
}
