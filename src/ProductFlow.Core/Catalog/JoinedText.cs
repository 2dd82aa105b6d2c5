namespace ProductFlow.Catalog;

/// <summary>A record's list field (categories, groups) as one text, joined by <c>,</c>, made again only when the list joins to another text.</summary>
internal static class JoinedText
{
    /// <summary><paramref name="items"/> joined by <c>,</c>; <c>null</c> when there are none. The text joined <paramref name="last"/> is given again
    /// while it is what the items join to, so records with the same items share one text.</summary>
    public static string? Of(IReadOnlyList<string> items, ref string? last)
    {
        if (items.Count == 0)
        {
            return null;
        }

        if (last is null || !IsJoined(last, items))
        {
            last = string.Join(',', items);
        }

        return last;
    }

    /// <summary>Whether <paramref name="text"/> is what <c>string.Join(',', items)</c> gives, told without joining them.</summary>
    private static bool IsJoined(string text, IReadOnlyList<string> items)
    {
        var rest = text.AsSpan();
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                if (rest.IsEmpty || rest[0] != ',')
                {
                    return false;
                }

                rest = rest[1..];
            }

            var item = items[i].AsSpan(); // a null item joins as an empty one
            if (!rest.StartsWith(item, StringComparison.Ordinal))
            {
                return false;
            }

            rest = rest[item.Length..];
        }

        return rest.IsEmpty;
    }
}
