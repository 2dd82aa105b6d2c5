using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Documentation;

/// <summary>The README and docs/ hold together: every relative link and image leads to a file of the repository and to a heading that exists.</summary>
public class DocumentationLinkTests
{
    public static IEnumerable<TestCaseData> MarkdownFiles() =>
        LinkChecker.ProjectMarkdownFiles(TestPaths.RepositoryRoot)
            .Select(file => LinkChecker.Relative(TestPaths.RepositoryRoot, file))
            .Order(StringComparer.Ordinal)
            .Select(file => new TestCaseData(file).SetName($"Every relative link resolves in {file}"));

    [TestCaseSource(nameof(MarkdownFiles))]
    public void Every_relative_link_resolves(string file) =>
        Assert.That(LinkChecker.BrokenLinks(TestPaths.RepositoryRoot, TestPaths.InRepository(file)), Is.Empty);

    [Test]
    public void The_readme_and_every_docs_file_are_checked()
    {
        var checkedFiles = MarkdownFiles().Select(c => (string)c.Arguments[0]!).ToList();
        var docs = Directory.EnumerateFiles(TestPaths.InRepository("docs"), "*.md", SearchOption.AllDirectories)
            .Select(file => LinkChecker.Relative(TestPaths.RepositoryRoot, file));
        Assert.That(checkedFiles, Does.Contain("README.md").And.Contains("docs/README.md"));
        Assert.That(checkedFiles, Is.SupersetOf(docs));
    }

    [Test]
    public void Every_docs_file_is_in_the_index()
    {
        var index = TestPaths.InRepository("docs", "README.md");
        var linked = MarkdownDocument.Links(File.ReadAllText(index))
            .Select(link => link.Target.Split('#')[0])
            .Where(target => target.Length > 0)
            .Select(target => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(index)!, target)))
            .ToHashSet(StringComparer.Ordinal);
        var unlisted = Directory.EnumerateFiles(TestPaths.InRepository("docs"), "*.md", SearchOption.AllDirectories)
            .Where(file => file != index && !linked.Contains(Path.GetFullPath(file)))
            .Select(file => LinkChecker.Relative(TestPaths.RepositoryRoot, file));
        Assert.That(unlisted, Is.Empty, "docs files that docs/README.md does not link");
    }
}
