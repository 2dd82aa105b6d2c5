using System.Globalization;
using ProductFlow.Model;
using ProductFlow.Pipelines;

namespace ProductFlow.Rules.Checks;

/// <summary>Check <c>length</c>: the value has between <c>min</c> and <c>max</c> characters (Unicode text elements, as a reader counts them).</summary>
internal sealed class LengthCheck(CheckOptions options, CheckScope scope) : ValueCheck(options, scope, RuleIds.Length)
{
    private readonly int? _min = options.Min is null ? null : int.Parse(options.Min, CultureInfo.InvariantCulture);
    private readonly int? _max = options.Max is null ? null : int.Parse(options.Max, CultureInfo.InvariantCulture);

    protected override string? Problem(string data)
    {
        // ASCII has one character per text element; only other text needs the grapheme count.
        var length = System.Text.Ascii.IsValid(data) ? data.Length : TextElements(data);
        return length < _min ? $"has {length} characters, fewer than {_min}"
            : length > _max ? $"has {length} characters, more than {_max}"
            : null;
    }

    /// <summary>The number of text elements (as <see cref="StringInfo.LengthInTextElements"/> counts them), without a <see cref="StringInfo"/> per value.</summary>
    private static int TextElements(ReadOnlySpan<char> text)
    {
        var count = 0;
        while (!text.IsEmpty)
        {
            text = text[StringInfo.GetNextTextElementLength(text)..];
            count++;
        }

        return count;
    }
}
