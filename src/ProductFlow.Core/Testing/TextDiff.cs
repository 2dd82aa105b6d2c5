using System.Text;

namespace ProductFlow.Testing;

/// <summary>A short line diff for people: the lines only one side has, aligned, with their line numbers, <c>-</c> expected and <c>+</c> actual.</summary>
/// <remarks>
/// Lines are aligned by their longest common subsequence, so a line inserted at the top shows as one <c>+</c> line, not as every
/// line below it changed. Past <see cref="MaxAlignedCells"/> (lines x lines) the texts are compared line by line instead.
/// </remarks>
public static class TextDiff
{
    /// <summary>The largest table the alignment builds (about 16 MB); larger files are compared position by position.</summary>
    public const long MaxAlignedCells = 4_000_000;

    /// <summary>The text of a file written in <paramref name="encoding"/> (<c>null</c>: UTF-8), without its byte order mark.</summary>
    public static string Decode(byte[] bytes, Encoding? encoding)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return (encoding ?? Encoding.UTF8).GetString(bytes).TrimStart('\uFEFF');
    }

    public static string Describe(string expected, string actual, int maxLines = 10)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var left = Lines(expected);
        var right = Lines(actual);
        var diff = new StringBuilder();
        var shown = 0;
        foreach (var (line, removed, added) in Changes(left, right))
        {
            if (shown++ == maxLines)
            {
                diff.Append("  ...\n");
                break;
            }

            diff.Append("  line ").Append(line).Append('\n');
            if (removed is not null)
            {
                diff.Append("  - ").Append(removed).Append('\n');
            }

            if (added is not null)
            {
                diff.Append("  + ").Append(added).Append('\n');
            }
        }

        if (shown == 0 && expected != actual)
        {
            diff.Append("  the files differ in line endings or a byte order mark\n");
        }

        if (left.Length != right.Length)
        {
            diff.Append("  expected ").Append(left.Length).Append(" lines, got ").Append(right.Length).Append('\n');
        }

        return diff.ToString();
    }

    /// <summary>The changed lines in order: the line number (of the actual text, or of the expected one for a removal) with the line removed and/or added.</summary>
    private static IEnumerable<(int Line, string? Removed, string? Added)> Changes(string[] left, string[] right)
    {
        if ((long)left.Length * right.Length > MaxAlignedCells)
        {
            for (var i = 0; i < Math.Max(left.Length, right.Length); i++)
            {
                var a = i < left.Length ? left[i] : null;
                var b = i < right.Length ? right[i] : null;
                if (!string.Equals(a, b, StringComparison.Ordinal))
                {
                    yield return (i + 1, a, b);
                }
            }

            yield break;
        }

        // lcs[i, j]: the length of the longest common subsequence of left[i..] and right[j..].
        var lcs = new int[left.Length + 1, right.Length + 1];
        for (var i = left.Length - 1; i >= 0; i--)
        {
            for (var j = right.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = string.Equals(left[i], right[j], StringComparison.Ordinal) ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        int x = 0, y = 0;
        while (x < left.Length || y < right.Length)
        {
            if (x < left.Length && y < right.Length && string.Equals(left[x], right[y], StringComparison.Ordinal))
            {
                x++;
                y++;
            }
            else if (x < left.Length && y < right.Length && lcs[x + 1, y + 1] == lcs[x, y])
            {
                // Neither line is kept on either side: the line was changed in place.
                yield return (y + 1, left[x++], right[y++]);
            }
            else if (y < right.Length && (x == left.Length || lcs[x, y + 1] >= lcs[x + 1, y]))
            {
                yield return (y + 1, null, right[y++]);
            }
            else
            {
                yield return (x + 1, left[x++], null);
            }
        }
    }

    private static string[] Lines(string text) => text.TrimStart('\uFEFF').ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
}
