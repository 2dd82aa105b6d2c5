using System.Text.Json;
using System.Text.RegularExpressions;
using ProductFlow.Model;
using ProductFlow.Reports;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Reports;

public partial class HtmlReportWriterTests
{
    private const string Hostile = "</script><script>alert(1)</script>\u2028\u2029&amp;<!--";

    private TempDirectory _dir = null!;

    [SetUp]
    public void CreateFolder() => _dir = new TempDirectory();

    [TearDown]
    public void DeleteFolder() => _dir.Dispose();

    [Test]
    public void A_supplier_value_cannot_leave_the_embedded_json_and_reads_back_unchanged()
    {
        var report = SomeReport.Create(_dir.Path, "20261124T120000Z-aaaaaa", SomeReport.Noon, issues: SomeReport.Issue("number.format", "SKU-<1>", value: Hostile));

        var html = Render(report);

        var data = DataBlock(html);
        Assert.That(data.IndexOfAny(['<', '>', '&', '\u2028', '\u2029']), Is.EqualTo(-1), data);
        using var json = JsonDocument.Parse(data);
        var row = json.RootElement.GetProperty("rows")[0];
        Assert.That((row[2].GetString(), row[6].GetString()), Is.EqualTo(("SKU-<1>", Hostile)));
        Assert.That(ScriptTag().Matches(html), Has.Count.EqualTo(2), "the data block and the page's own script, nothing injected");
    }

    [Test]
    public void Names_from_the_feed_are_html_escaped_everywhere_in_the_page()
    {
        var issue = SomeReport.Issue("required", "SKU-1", field: "name") with { Column = "<img src=x onerror=alert(1)>" };
        var report = SomeReport.Create(_dir.Path, "20261124T120000Z-aaaaaa", SomeReport.Noon, pipeline: "<b>demo</b>", issues: issue);

        var html = Render(report);

        Assert.That(html, Does.Not.Contain("<img").And.Not.Contain("<b>demo"));
        Assert.That(html, Does.Contain("&lt;img src=x onerror=alert(1)&gt;").And.Contain("&lt;b&gt;demo&lt;/b&gt;"));
    }

    [Test]
    public void Each_summary_figure_is_marked_for_machines_with_its_count()
    {
        var report = SomeReport.Create(_dir.Path, "20261124T120000Z-aaaaaa", SomeReport.Noon, accepted: 1234);
        report.Run.Counts.Warnings = 3;

        var html = Render(report);

        Assert.That(Figure(html, "read"), Is.EqualTo(("1235", "1,235")));
        Assert.That(Figure(html, "accepted"), Is.EqualTo(("1234", "1,234")));
        Assert.That(Figure(html, "rejected"), Is.EqualTo(("1", "1")));
        Assert.That(Figure(html, "warnings"), Is.EqualTo(("3", "3")));
    }

    [Test]
    public void A_failed_run_shows_its_status_and_where_reading_stopped()
    {
        var report = SomeReport.Create(_dir.Path, "20261124T120000Z-aaaaaa", SomeReport.Noon);
        report.Run.Status = ProductFlow.Store.RunStatus.Failed;
        report.Failure = new RunFailure("feed.csv: a quote is left open <here>", "feed.csv", 42);

        var html = Render(report);

        Assert.That(html, Does.Contain("id=\"run-status\">failed<"));
        Assert.That(html, Does.Contain("a quote is left open &lt;here&gt; (reading stopped at line 42)"));
    }

    [Test]
    public void Without_a_previous_run_the_page_says_there_is_nothing_to_compare_with()
    {
        var report = SomeReport.Create(_dir.Path, "20261124T120000Z-aaaaaa", SomeReport.Noon);

        Assert.That(Render(report), Does.Contain("id=\"no-previous\"").And.Contain("nothing to compare with"));
    }

    [Test]
    public void A_channel_whose_families_require_nothing_says_no_requirements_not_100_percent_of_0()
    {
        var report = SomeReport.Create(_dir.Path, "20261124T120000Z-aaaaaa", SomeReport.Noon);
        var measured = new ChannelCompleteness("web", "en_US");
        measured.Add(1, 2);
        report.Completeness.Add(new ChannelCompleteness("shop", "nb_NO"));
        report.Completeness.Add(measured);

        var rows = Regex.Matches(Render(report), "<tr><td>(shop|web)</td>.*?</tr>").Select(m => m.Value).ToList();

        Assert.That(rows[0], Does.Contain("no requirements").And.Not.Contain("100 %").And.Not.Contain("0 of 0"));
        Assert.That(rows[1], Does.Contain("50 %").And.Contain("0 of 1"));
    }

    [Test]
    public async Task A_run_with_100k_issues_embeds_the_first_2000_and_points_to_issues_csv()
    {
        var report = SomeReport.Create(_dir.Path, "20261124T120000Z-aaaaaa", SomeReport.Noon);
        Directory.CreateDirectory(report.Folder);
        var log = new IssueLog(Path.Combine(report.Folder, IssueLog.FileName));
        await using (log)
        {
            for (var i = 0; i < 100_000; i++)
            {
                var issue = new Issue(i % 7 == 0 ? Severity.Warning : Severity.Error, i % 3 == 0 ? "required" : "number.format", $"value '{i},99' is not a number (use a dot as decimal separator)")
                {
                    Sku = $"TS-{i:D6}-BLK-M", Feed = "big.csv", Line = i + 2, Column = "price_eur", Field = "price", Value = $"{i},99",
                };
                log.Add(issue);
                report.Count(issue);
            }
        }

        report.Issues = log.First;
        report.IssuesTotal = log.Count;
        var path = Path.Combine(report.Folder, HtmlReportWriter.FileName);
        HtmlReportWriter.Write(report, path);
        ReportJsonWriter.Write(report, Path.Combine(report.Folder, ReportJsonWriter.FileName));

        var html = await File.ReadAllTextAsync(path);
        var size = new FileInfo(path).Length;
        TestContext.Out.WriteLine($"report.html with 100,000 issues: {size:N0} bytes");
        using var data = JsonDocument.Parse(DataBlock(html));
        Assert.That(data.RootElement.GetProperty("rows").GetArrayLength(), Is.EqualTo(IssueLog.EmbeddedLimit).And.EqualTo(2000));
        Assert.That(data.RootElement.GetProperty("total").GetInt64(), Is.EqualTo(100_000));
        Assert.That(html, Does.Contain("first 2,000</strong> of <strong>100,000</strong>").And.Contain("<a href=\"issues.csv\">"));
        Assert.That(size, Is.LessThan(1_000_000), "the page stays a reasonable size whatever the number of issues");
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(report.Folder, ReportJsonWriter.FileName)));
        Assert.That(json.RootElement.GetProperty("issues").GetArrayLength(), Is.EqualTo(ReportJsonWriter.EmbeddedLimit));
        Assert.That(json.RootElement.GetProperty("issuesTruncated").GetBoolean(), Is.True);
    }

    [Test]
    public void A_long_value_is_clipped_in_the_page()
    {
        var report = SomeReport.Create(_dir.Path, "20261124T120000Z-aaaaaa", SomeReport.Noon, issues: SomeReport.Issue("length", "SKU-1", value: new string('x', 100_000)));

        var html = Render(report);

        Assert.That(html, Has.Length.LessThan(60_000));
        Assert.That(html, Does.Contain(new string('x', 300) + "\u2026"));
    }

    private static string Render(QualityReport report)
    {
        using var writer = new StringWriter();
        HtmlReportWriter.Write(report, null, writer);
        return writer.ToString();
    }

    private static string DataBlock(string html)
    {
        const string Open = "<script type=\"application/json\" id=\"issues-data\">";
        var start = html.IndexOf(Open, StringComparison.Ordinal) + Open.Length;
        return html[start..html.IndexOf("</script>", start, StringComparison.Ordinal)];
    }

    private static (string Value, string Text) Figure(string html, string name)
    {
        var match = Regex.Match(html, $"data-count=\"{name}\" data-value=\"([0-9]+)\">([^<]*)<");
        return (match.Groups[1].Value, match.Groups[2].Value);
    }

    [GeneratedRegex("<script", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();
}
