using System.Text.RegularExpressions;

namespace ProductFlow.Tests.Documentation;

/// <summary>
/// Finds the relative links of a Markdown file that lead nowhere: to no file or folder, out of the repository, or to an
/// <c>#anchor</c> that no heading of the Markdown file it names has. Links with a scheme (<c>https:</c>, <c>mailto:</c>) are
/// not followed.
/// </summary>
internal static partial class LinkChecker
{
    /// <summary>One line per broken link of <paramref name="file"/>: <c>docs/cli.md:12: 'store.md#x': …</c>, paths relative to <paramref name="root"/>.</summary>
    public static IEnumerable<string> BrokenLinks(string root, string file)
    {
        root = Path.GetFullPath(root);
        file = Path.GetFullPath(file);
        var name = Relative(root, file);
        var anchors = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var link in MarkdownDocument.Links(File.ReadAllText(file)))
        {
            if (link.Target.Length == 0 || Scheme().IsMatch(link.Target) || link.Target.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }

            var hash = link.Target.IndexOf('#', StringComparison.Ordinal);
            var path = Uri.UnescapeDataString(hash < 0 ? link.Target : link.Target[..hash]);
            var anchor = hash < 0 ? null : Uri.UnescapeDataString(link.Target[(hash + 1)..]);
            var target = path.Length == 0 ? file
                : Path.GetFullPath(path.StartsWith('/') ? Path.Combine(root, path.TrimStart('/')) : Path.Combine(Path.GetDirectoryName(file)!, path));

            var problem = Problem(root, target, anchor, anchors);
            if (problem is not null)
            {
                yield return $"{name}:{link.Line}: '{link.Target}': {problem}";
            }
        }
    }

    private static string? Problem(string root, string target, string? anchor, Dictionary<string, IReadOnlySet<string>> anchors)
    {
        if (target != root && !target.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return "leads out of the repository";
        }

        if (!File.Exists(target))
        {
            return Directory.Exists(target) ? null : $"no file or folder {Relative(root, target)}";
        }

        // Anchors are checked in Markdown files only: a line anchor into a source file (#L12) is GitHub's, not a heading.
        if (anchor is null || !target.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!anchors.TryGetValue(target, out var known))
        {
            anchors[target] = known = MarkdownDocument.Anchors(File.ReadAllText(target));
        }

        return known.Contains(anchor) ? null : $"{Relative(root, target)} has no heading with the anchor #{anchor}";
    }

    /// <summary>
    /// The project's own Markdown files under <paramref name="root"/>: README.md, docs/ and the READMEs beside the code,
    /// without build output, installed tools and test material (third-party files kept as they were published).
    /// </summary>
    public static IEnumerable<string> ProjectMarkdownFiles(string root)
    {
        var skipped = new HashSet<string>(["bin", "obj", "node_modules", "TestData", "TestResults", "artifacts", "data"], StringComparer.Ordinal);
        var pending = new Stack<string>([root]);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            foreach (var file in Directory.EnumerateFiles(dir, "*.md"))
            {
                yield return file;
            }

            foreach (var sub in Directory.EnumerateDirectories(dir))
            {
                var subName = Path.GetFileName(sub);
                if (!subName.StartsWith('.') && !skipped.Contains(subName))
                {
                    pending.Push(sub);
                }
            }
        }
    }

    public static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*:")]
    private static partial Regex Scheme();
}
