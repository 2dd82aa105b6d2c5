namespace ProductFlow.Collections;

/// <summary>Feed line numbers in 32 bits, for the per-SKU state that keeps a line (4 bytes a key instead of 8).</summary>
internal static class LineNumbers
{
    /// <summary>The line as 32 bits; past 4,294,967,295 lines (a feed of hundreds of GB), that number.</summary>
    public static uint Compact(long line) => line is >= 0 and <= uint.MaxValue ? (uint)line : uint.MaxValue;
}
