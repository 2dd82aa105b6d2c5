using System.Text.Json;
using Microsoft.Playwright;
using ProductFlow.Pipelines;
using ProductFlow.Reports;
using ProductFlow.Running;
using ProductFlow.Tests.Support;

namespace ProductFlow.IntegrationTests.Browser;

/// <summary>The demo's report.html rendered in headless Chromium: figures, filters, sorting and escaping, read from the DOM.</summary>
/// <remarks>
/// Two runs of the demo pipeline in one data folder: the demo as it is, then its feed with a colour written as a
/// script element, so the second report has a previous run to compare with and a hostile value to show.
/// Every browser call times out after 15 s (see <see cref="Chromium"/>), so a hang fails a test instead of stalling the run.
/// </remarks>
[NonParallelizable]
[CancelAfter(120_000)]
public sealed class HtmlReportBrowserTests
{
    private const string Hostile = "<script>document.title='pwned'</script>";

    private readonly List<string> _errors = [];
    private TempDirectory _dir = null!;
    private string _demo = null!;
    private string _hostile = null!;
    private IPage _page = null!;

    [OneTimeSetUp]
    public async Task RunTheDemoTwiceAsync()
    {
        _dir = new TempDirectory();
        var pipeline = PipelineLoader.Load(TestPaths.InRepository("pipelines", "demo.json"));
        var data = _dir.Combine("data");
        var runner = Runs.Runner(data);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2)); // a hung run fails the fixture
        _demo = (await runner.RunAsync(pipeline, RunRequest.For(pipeline), cancellationToken: timeout.Token)).Folder;
        var feed = await File.ReadAllTextAsync(TestPaths.InRepository("samples", "supplier-apparel.csv"));
        var changed = feed.Replace(",Nvy,S,19.90,4006381001007,", $",{Hostile},S,19.90,4006381001007,", StringComparison.Ordinal);
        Assert.That(changed, Is.Not.EqualTo(feed), "the demo feed changed: pick another row for the hostile value");
        var input = _dir.File(Path.Combine("feeds", "supplier-apparel.csv"), changed);
        _hostile = (await runner.RunAsync(pipeline, RunRequest.For(pipeline) with { Input = input }, cancellationToken: timeout.Token)).Folder;
    }

    [OneTimeTearDown]
    public void DeleteFolder() => _dir.Dispose();

    [SetUp]
    public async Task OpenPageAsync()
    {
        _errors.Clear();
        _page = await Chromium.Context.NewPageAsync();
        _page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _errors.Add(message.Text);
            }
        };
        _page.PageError += (_, error) => _errors.Add(error);
    }

    [TearDown]
    public async Task ClosePageAsync() => await _page.CloseAsync();

    [Test]
    public async Task The_demo_report_renders_without_console_errors()
    {
        await OpenAsync(_demo);
        await _page.Locator("#filter-rule").SelectOptionAsync("required");
        await _page.Locator("#issues-table th[data-key=line] button").ClickAsync();

        Assert.That(_errors, Is.Empty);
        Assert.That(await _page.Locator("#issues-table tbody tr").CountAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task Summary_figures_equal_the_counts_of_report_json()
    {
        await OpenAsync(_demo);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_demo, ReportJsonWriter.FileName)));
        var counts = json.RootElement.GetProperty("counts");

        foreach (var name in new[] { "read", "accepted", "rejected", "warnings" })
        {
            var text = await _page.Locator($"[data-count={name}]").TextContentAsync();
            Assert.That(long.Parse(text!.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(counts.GetProperty(name).GetInt64()), name);
        }

        Assert.That(await _page.Locator("#no-previous").IsVisibleAsync(), Is.True, "the first run has nothing to compare with");
    }

    [Test]
    public async Task Filtering_by_rule_shows_only_that_rules_issues()
    {
        await OpenAsync(_demo);

        await _page.Locator("#filter-rule").SelectOptionAsync("gtin.check-digit");

        Assert.That(await Column("rule"), Is.EqualTo(new[] { "gtin.check-digit", "gtin.check-digit", "gtin.check-digit" }));
        Assert.That(await Column("sku"), Is.EqualTo(new[] { "TS-1002-RED-L", "TS-1008-BLK-M", "TS-1026-WHT-XL" }));
    }

    [Test]
    public async Task Filtering_by_severity_shows_only_that_severity()
    {
        await OpenAsync(_demo);

        await _page.Locator("#filter-severity").SelectOptionAsync("warning");
        Assert.That(await Column("severity"), Is.EqualTo(new[] { "warning", "warning", "warning" }), "the pipeline's formula check, and value.formula-like for shopify and google");

        await _page.Locator("#filter-severity").SelectOptionAsync("error");
        Assert.That(await Column("severity"), Has.Count.EqualTo(9).And.All.EqualTo("error"));
    }

    [Test]
    public async Task Filtering_by_text_matches_any_column_and_says_when_nothing_matches()
    {
        await OpenAsync(_demo);

        await _page.Locator("#filter-text").FillAsync("ts-1022");
        Assert.That(await Column("sku"), Is.EqualTo(new[] { "TS-1022-GRY-XL" }));

        await _page.Locator("#filter-text").FillAsync("12,99");
        Assert.That(await Column("value"), Is.EqualTo(new[] { "12,99" }));

        await _page.Locator("#filter-text").FillAsync("no such issue anywhere");
        Assert.That(await _page.Locator("#issues-table tbody td.empty").TextContentAsync(), Is.EqualTo("No issue matches the filters."));
        Assert.That(await _page.Locator("#issues-status").GetAttributeAsync("data-matching"), Is.EqualTo("0"));
    }

    [Test]
    public async Task Clicking_a_column_header_sorts_by_it_and_again_reverses()
    {
        await OpenAsync(_demo);
        var rule = _page.Locator("#issues-table th[data-key=rule] button");

        await rule.ClickAsync();
        var ascending = await Column("rule");
        await rule.ClickAsync();
        var descending = await Column("rule");
        await _page.Locator("#issues-table th[data-key=line] button").ClickAsync();
        await _page.Locator("#issues-table th[data-key=line] button").ClickAsync();
        var lines = (await Column("line")).Select(long.Parse).ToList();

        // The cell shows "rule · channel"; rows sort by the rule.
        static string RuleOf(string cell) => cell.Split(" · ")[0];
        Assert.That(ascending.Select(RuleOf), Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        Assert.That(ascending, Has.Count.EqualTo(12));
        Assert.That(descending.Select(RuleOf), Is.Ordered.Descending.Using((IComparer<string>)StringComparer.Ordinal));
        Assert.That(lines, Is.Ordered.Descending);
        Assert.That(await _page.Locator("#issues-table th[data-key=line]").GetAttributeAsync("aria-sort"), Is.EqualTo("descending"));
    }

    [Test]
    public async Task A_script_value_from_the_feed_shows_as_text_and_does_not_run()
    {
        await OpenAsync(_hostile);

        await _page.Locator("#filter-text").FillAsync("document.title");

        Assert.That(await Column("value"), Is.EqualTo(new[] { Hostile }));
        Assert.That(await _page.TitleAsync(), Does.StartWith("Quality report"));
        Assert.That(await _page.Locator("#issues-table tbody script").CountAsync(), Is.Zero);
        Assert.That(_errors, Is.Empty);
    }

    [Test]
    public async Task The_second_run_shows_its_change_against_the_first()
    {
        await OpenAsync(_hostile);
        using var before = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_demo, ReportJsonWriter.FileName)));
        using var after = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_hostile, ReportJsonWriter.FileName)));
        var delta = Accepted(after) - Accepted(before);

        Assert.That(await _page.Locator("#previous-run").TextContentAsync(), Is.EqualTo(Path.GetFileName(_demo)));
        Assert.That(int.Parse(await _page.Locator("[data-change=new]").TextContentAsync() ?? "", System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThanOrEqualTo(1));
        Assert.That(await _page.Locator("[data-change=fixed]").TextContentAsync(), Is.EqualTo("0"));
        Assert.That(delta, Is.Negative);
        Assert.That(await _page.Locator("[data-change=accepted]").TextContentAsync(), Is.EqualTo("\u2212" + (-delta).ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public async Task Printed_the_page_hides_its_controls_and_keeps_the_figures()
    {
        await OpenAsync(_demo);

        await _page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        Assert.That(await _page.Locator("#issues-controls").IsVisibleAsync(), Is.False);
        Assert.That(await _page.Locator(".pager").IsVisibleAsync(), Is.False);
        Assert.That(await _page.Locator("[data-count=read]").IsVisibleAsync(), Is.True);
        Assert.That(await _page.Locator("#issues-table tbody tr").CountAsync(), Is.EqualTo(12));
        if (Environment.GetEnvironmentVariable("PRODUCTFLOW_PRINT_SHOT") is { Length: > 0 } shot)
        {
            await _page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
        }
    }

    [Test]
    public async Task A_run_with_more_issues_than_the_page_embeds_is_paged_and_points_to_issues_csv()
    {
        var folder = await LargeReportAsync(issues: 5_000);
        await OpenAsync(folder);

        Assert.That(await _page.Locator("#issues-note").TextContentAsync(), Does.Contain("first 2,000 of 5,000"));
        Assert.That(await _page.Locator("#issues-note a[href='issues.csv']").CountAsync(), Is.EqualTo(1));
        Assert.That(await _page.Locator("#issues-status").TextContentAsync(), Does.StartWith("Showing 1\u2013100 of 2,000"));
        Assert.That(await _page.Locator("#issues-table tbody tr").CountAsync(), Is.EqualTo(100));

        await _page.Locator("#page-next").ClickAsync();

        Assert.That(await _page.Locator("#page-label").TextContentAsync(), Is.EqualTo("Page 2 of 20"));
        Assert.That((await Column("line"))[0], Is.EqualTo("102"));
        Assert.That(_errors, Is.Empty);
    }

    private async Task<string> LargeReportAsync(int issues)
    {
        var run = new ProductFlow.Store.RunRecord
        {
            Id = "20261124T120000Z-abcdef", Pipeline = "large", Feed = new ProductFlow.Store.FeedInfo("large.csv", 1, new string('0', 64)),
            Started = DateTimeOffset.UtcNow, Finished = DateTimeOffset.UtcNow, Status = ProductFlow.Store.RunStatus.Completed,
        };
        var report = new QualityReport(run, "validate", _dir.Combine("large", run.Id));
        Directory.CreateDirectory(report.Folder);
        var log = new IssueLog(Path.Combine(report.Folder, IssueLog.FileName));
        await using (log)
        {
            for (var i = 0; i < issues; i++)
            {
                var issue = new ProductFlow.Model.Issue(ProductFlow.Model.Severity.Error, "number.format", $"'{i},5' is not a number")
                {
                    Sku = $"SKU-{i:D5}", Line = i + 2, Column = "price", Field = "price", Value = $"{i},5",
                };
                log.Add(issue);
                report.Count(issue);
            }
        }

        report.Issues = log.First;
        report.IssuesTotal = log.Count;
        HtmlReportWriter.Write(report, Path.Combine(report.Folder, HtmlReportWriter.FileName));
        return report.Folder;
    }

    private static long Accepted(JsonDocument report) => report.RootElement.GetProperty("counts").GetProperty("accepted").GetInt64();

    private async Task OpenAsync(string reportFolder)
    {
        await _page.GotoAsync(new Uri(Path.Combine(reportFolder, HtmlReportWriter.FileName)).AbsoluteUri);
        await _page.Locator("#issues-status[data-matching]").WaitForAsync();
    }

    private async Task<IReadOnlyList<string>> Column(string name)
    {
        var cells = await _page.Locator($"#issues-table tbody td.{name}").AllTextContentsAsync();
        return cells.Select(c => c.Trim()).ToList();
    }
}
