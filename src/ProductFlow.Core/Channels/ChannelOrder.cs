using System.Text;
using ProductFlow.Model;

namespace ProductFlow.Channels;

/// <summary>The order in which a channel's records are read and published: by group key (model, or SKU without one), then SKU.</summary>
/// <remarks>
/// Strings compare by Unicode code point, which is the byte order of UTF-8: the order in which SQLite (BINARY) and
/// PostgreSQL (<c>COLLATE "C"</c>) sort text. Ordinal UTF-16 comparison differs for characters beyond U+FFFF, so
/// code that merges a store's stream with another sorted stream compares with this class.
/// </remarks>
public static class ChannelOrder
{
    /// <summary>The group of <paramref name="record"/>: its product model, or its own SKU.</summary>
    public static string GroupOf(ProductRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Parent ?? record.Sku;
    }

    /// <summary>Compares (group, SKU) pairs in channel order.</summary>
    public static int Compare(string groupA, string skuA, string groupB, string skuB)
    {
        var c = CompareText(groupA, groupB);
        return c != 0 ? c : CompareText(skuA, skuB);
    }

    /// <summary>Compares two strings by Unicode code point (UTF-8 byte order).</summary>
    public static int CompareText(string? a, string? b)
    {
        if (ReferenceEquals(a, b))
        {
            return 0;
        }

        if (a is null || b is null)
        {
            return a is null ? -1 : 1;
        }

        var length = Math.Min(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            if (a[i] != b[i])
            {
                // Only surrogates (U+D800-DFFF) sort differently in UTF-16 and by code point: they stand for code points above every BMP one.
                if (char.IsSurrogate(a[i]) != char.IsSurrogate(b[i]))
                {
                    return char.IsSurrogate(a[i]) ? 1 : -1;
                }

                return a[i].CompareTo(b[i]);
            }
        }

        return a.Length.CompareTo(b.Length);
    }

    /// <summary>The UTF-8 bytes of <paramref name="text"/>, for tests that check the equivalence.</summary>
    internal static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
