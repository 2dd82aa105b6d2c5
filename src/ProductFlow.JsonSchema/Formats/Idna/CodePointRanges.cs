namespace ProductFlow.JsonSchema.Formats.Idna;

/// <summary>Lookup in the property tables of this folder: sorted, disjoint, inclusive
/// <c>first, last</c> pairs of code points, flattened.</summary>
internal static class CodePointRanges
{
    /// <summary>The index of the range holding <paramref name="codePoint"/>, or -1.</summary>
    public static int IndexOf(ReadOnlySpan<int> ranges, int codePoint, int stride = 2)
    {
        var low = 0;
        var high = (ranges.Length / stride) - 1;
        while (low <= high)
        {
            var middle = (low + high) >>> 1;
            if (codePoint < ranges[middle * stride])
            {
                high = middle - 1;
            }
            else if (codePoint > ranges[(middle * stride) + 1])
            {
                low = middle + 1;
            }
            else
            {
                return middle;
            }
        }

        return -1;
    }

    public static bool Contains(ReadOnlySpan<int> ranges, int codePoint) => IndexOf(ranges, codePoint) >= 0;
}
