using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Documentation;

/// <summary>The link checker finds what GitHub would show as a broken link, and nothing else.</summary>
public class LinkCheckerTests
{
    [TestCase("Exit codes", ExpectedResult = "exit-codes")]
    [TestCase("Several sources, one record", ExpectedResult = "several-sources-one-record")]
    [TestCase("`partner-csv`", ExpectedResult = "partner-csv")]
    [TestCase("The whole suite: `./test.sh`", ExpectedResult = "the-whole-suite-testsh")]
    [TestCase("Embedded store (SQLite)", ExpectedResult = "embedded-store-sqlite")]
    [TestCase("Rules, checks & GTIN", ExpectedResult = "rules-checks--gtin")]
    [TestCase("A 5-minute tour", ExpectedResult = "a-5-minute-tour")]
    [TestCase("Café — prix_net", ExpectedResult = "café--prix_net")]
    [TestCase("See [the CLI](cli.md) here", ExpectedResult = "see-the-cli-here")]
    public string Slug_is_githubs_heading_anchor(string heading) => MarkdownDocument.Slug(heading);

    [Test]
    public void A_repeated_heading_gets_a_numbered_anchor()
    {
        var anchors = MarkdownDocument.Anchors("# Store\n## Notes\ntext\n## Notes\n## Notes ##\n");
        Assert.That(anchors, Is.EquivalentTo(new[] { "store", "notes", "notes-1", "notes-2" }));
    }

    [Test]
    public void Links_images_references_and_html_are_read_with_their_lines()
    {
        var links = MarkdownDocument.Links("""
            See [the CLI](docs/cli.md#exit-codes) and ![a picture](docs/report.png "title").
            [![badge](img/b.svg)](docs/README.md)

            [ref]: docs/store.md
            <img src="docs/report.png" alt="x">
            """);
        Assert.That(links, Is.EqualTo(new[]
        {
            new MarkdownLink(1, "docs/cli.md#exit-codes"), new MarkdownLink(1, "docs/report.png"),
            new MarkdownLink(2, "img/b.svg"), new MarkdownLink(2, "docs/README.md"),
            new MarkdownLink(4, "docs/store.md"), new MarkdownLink(5, "docs/report.png"),
        }));
    }

    [Test]
    public void Code_blocks_and_code_spans_hold_no_links()
    {
        var links = MarkdownDocument.Links("""
            `[not](a-link.md)` and ``[nor](this.md)``
            ```md
            [inside](a-fence.md)
            # not a heading
            ```
            ~~~
            [nor](here.md)
            ~~~
            """);
        Assert.That(links, Is.Empty);
        Assert.That(MarkdownDocument.Anchors("```\n# not a heading\n```\n"), Is.Empty);
    }

    [Test]
    public void Broken_links_are_reported_with_file_line_and_reason()
    {
        using var repo = new TempDirectory();
        repo.File("docs/store.md", "# Store\n## Full runs\n");
        repo.File("docs/report.png", "png");
        var readme = repo.File("README.md", """
            # Front door
            [ok](docs/store.md#full-runs) [folder](docs/) [image](docs/report.png) [here](#front-door) [web](https://example.com/x.md)
            [missing](docs/nothing.md)
            [bad anchor](docs/store.md#partial-runs)
            ![missing image](docs/none.png)
            [outside](../elsewhere/testdata/)
            [self](#no-such-heading)
            """);

        Assert.That(LinkChecker.BrokenLinks(repo.Path, readme), Is.EqualTo(new[]
        {
            "README.md:3: 'docs/nothing.md': no file or folder docs/nothing.md",
            "README.md:4: 'docs/store.md#partial-runs': docs/store.md has no heading with the anchor #partial-runs",
            "README.md:5: 'docs/none.png': no file or folder docs/none.png",
            "README.md:6: '../elsewhere/testdata/': leads out of the repository",
            "README.md:7: '#no-such-heading': README.md has no heading with the anchor #no-such-heading",
        }));
    }

    [Test]
    public void Project_markdown_leaves_out_build_output_tools_and_test_material()
    {
        using var repo = new TempDirectory();
        foreach (var file in new[] { "README.md", "docs/cli.md", "src/Lib/README.md", "src/Lib/bin/Debug/x.md", ".tools/azurite/node_modules/a/README.md", "tests/TestData/public/suite/README.md" })
        {
            repo.File(file, "# x\n");
        }

        var found = LinkChecker.ProjectMarkdownFiles(repo.Path).Select(file => LinkChecker.Relative(repo.Path, file));
        Assert.That(found, Is.EquivalentTo(new[] { "README.md", "docs/cli.md", "src/Lib/README.md" }));
    }
}
