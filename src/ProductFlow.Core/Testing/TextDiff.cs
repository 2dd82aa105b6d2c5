using System.Text;

namespace ProductFlow.Testing;

/// <summary>A short line diff for people: the first differing lines of two texts, with their line numbers, <c>-</c> expected and <c>+</c> actual.</summary>
public static class TextDiff
{
    public static string Describe(string expected, string actual, int maxLines = 10)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        var left = Lines(expected);
        var right = Lines(actual);
        var diff = new StringBuilder();
        var shown = 0;
        for (var i = 0; i < Math.Max(left.Length, right.Length) && shown < maxLines; i++)
        {
            var a = i < left.Length ? left[i] : null;
            var b = i < right.Length ? right[i] : null;
            if (string.Equals(a, b, StringComparison.Ordinal))
            {
                continue;
            }

            diff.Append("  line ").Append(i + 1).Append('\n');
            if (a is not null)
            {
                diff.Append("  - ").Append(a).Append('\n');
            }

            if (b is not null)
            {
                diff.Append("  + ").Append(b).Append('\n');
            }

            shown++;
        }

        if (diff.Length == 0 && expected != actual)
        {
            diff.Append("  the files differ in line endings or a byte order mark\n");
        }

        if (left.Length != right.Length)
        {
            diff.Append("  expected ").Append(left.Length).Append(" lines, got ").Append(right.Length).Append('\n');
        }

        return diff.ToString();
    }

    private static string[] Lines(string text) => text.TrimStart('\uFEFF').ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
}
