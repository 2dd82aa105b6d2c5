using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ProductFlow.Tests.Documentation;

/// <summary>A link of a Markdown file: its 1-based line and its target as written (path, <c>#anchor</c>, or both).</summary>
internal sealed record MarkdownLink(int Line, string Target);

/// <summary>
/// The links and heading anchors of a Markdown file, read as GitHub renders it: inline links and images, reference
/// definitions and HTML <c>href</c>/<c>src</c> attributes; nothing inside fenced code blocks or code spans counts.
/// </summary>
internal static partial class MarkdownDocument
{
    public static IReadOnlyList<MarkdownLink> Links(string markdown)
    {
        var links = new List<MarkdownLink>();
        foreach (var (number, line) in ProseLines(markdown))
        {
            var prose = CodeSpan().Replace(line, "");
            foreach (var match in InlineLink().Matches(prose).Concat(ReferenceDefinition().Matches(prose)).Concat(HtmlAttribute().Matches(prose)).OrderBy(m => m.Index))
            {
                links.Add(new MarkdownLink(number, match.Groups["target"].Value.Trim('<', '>')));
            }
        }

        return links;
    }

    /// <summary>The anchors GitHub gives the file's headings (a repeated heading gets <c>-1</c>, <c>-2</c>, …), and explicit HTML ids.</summary>
    public static IReadOnlySet<string> Anchors(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, line) in ProseLines(markdown))
        {
            if (Heading().Match(line) is { Success: true } heading)
            {
                var slug = Slug(heading.Groups["text"].Value);
                var count = seen.GetValueOrDefault(slug);
                seen[slug] = count + 1;
                anchors.Add(count == 0 ? slug : string.Create(CultureInfo.InvariantCulture, $"{slug}-{count}"));
            }

            foreach (Match id in HtmlId().Matches(line))
            {
                anchors.Add(id.Groups["id"].Value);
            }
        }

        return anchors;
    }

    /// <summary>
    /// GitHub's heading anchor (github-slugger): the heading's rendered text in lower case, without punctuation and
    /// symbols (letters, digits, marks, <c>_</c> and <c>-</c> stay), each space a hyphen.
    /// </summary>
    public static string Slug(string heading)
    {
        var text = InlineLinkText().Replace(heading, "${text}");
        text = HtmlTag().Replace(text, "").Replace("`", "", StringComparison.Ordinal).Trim().ToLowerInvariant();
        var slug = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == ' ')
            {
                slug.Append('-');
            }
            else if (c is '-' or '_' || char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c)
                         is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                slug.Append(c);
            }
        }

        return slug.ToString();
    }

    /// <summary>The lines outside fenced code blocks, with their 1-based numbers.</summary>
    private static IEnumerable<(int Number, string Text)> ProseLines(string markdown)
    {
        string? fence = null;
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var open = Fence().Match(lines[i]);
            if (fence is null && open.Success)
            {
                fence = open.Groups["fence"].Value;
            }
            else if (fence is not null)
            {
                // A fence closes with the same character, at least as long, and nothing after it.
                if (open.Success && open.Groups["fence"].Value.StartsWith(fence, StringComparison.Ordinal) && open.Groups["info"].Value.Trim().Length == 0)
                {
                    fence = null;
                }
            }
            else
            {
                yield return (i + 1, lines[i]);
            }
        }
    }

    [GeneratedRegex(@"^ {0,3}(?<fence>`{3,}|~{3,})(?<info>.*)$")]
    private static partial Regex Fence();

    [GeneratedRegex(@"(?<ticks>`+).+?\k<ticks>")]
    private static partial Regex CodeSpan();

    // The "](target "title")" that ends every inline link and image, so an image inside a link's text ([![alt](img)](target)) counts too.
    [GeneratedRegex(@"\]\(\s*(?<target><[^>]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+(?:""[^""]*""|'[^']*'))?\s*\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"\[(?<text>[^\]]*)\]\([^)]*\)")]
    private static partial Regex InlineLinkText();

    [GeneratedRegex(@"^ {0,3}\[[^\]]+\]:\s*(?<target><[^>]*>|\S+)")]
    private static partial Regex ReferenceDefinition();

    [GeneratedRegex(@"<(?:a|img)\b[^>]*?\b(?:href|src)\s*=\s*""(?<target>[^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlAttribute();

    [GeneratedRegex(@"<[a-z][^>]*?\b(?:id|name)\s*=\s*""(?<id>[^""]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlId();

    [GeneratedRegex(@"^ {0,3}#{1,6}[ \t]+(?<text>.*?)(?:[ \t]+#+)?[ \t]*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex HtmlTag();
}
