using ProductFlow.Reports;
using ProductFlow.Tests.Support;
using static ProductFlow.Tests.Reports.SomeReport;

namespace ProductFlow.Tests.Reports;

public class RunComparisonTests
{
    private TempDirectory _dir = null!;

    [SetUp]
    public void CreateFolder() => _dir = new TempDirectory();

    [TearDown]
    public void DeleteFolder() => _dir.Dispose();

    [Test]
    public void Find_compares_with_the_latest_earlier_run_of_the_same_pipeline()
    {
        Create(_dir.Path, "20261124T100000Z-000001", Noon.AddHours(-2), accepted: 1, issues: Issue("required", "A")).Saved();
        Create(_dir.Path, "20261124T110000Z-000002", Noon.AddHours(-1), accepted: 8, issues: [Issue("required", "A"), Issue("gtin.check-digit", "B", "gtin"), Issue("required", "C")]).Saved();
        Create(_dir.Path, "20261124T113000Z-000003", Noon.AddMinutes(-30), pipeline: "other", accepted: 100).Saved();
        Create(_dir.Path, "20261124T130000Z-000004", Noon.AddHours(1), accepted: 100).Saved();
        var now = Create(_dir.Path, "20261124T120000Z-000005", Noon, accepted: 10, issues: [Issue("required", "A"), Issue("required", "A", "name"), Issue("number.format", "D")]).Saved();

        var comparison = RunComparison.Find(now);

        Assert.That(comparison, Is.Not.Null);
        Assert.That(comparison!.PreviousRunId, Is.EqualTo("20261124T110000Z-000002"));
        Assert.That((comparison.NewIssues, comparison.FixedIssues, comparison.AcceptedDelta, comparison.Partial), Is.EqualTo((2L, 2L, 2L, false)));
    }

    [Test]
    public void Find_returns_null_for_the_first_run_of_a_pipeline()
    {
        Create(_dir.Path, "20261124T110000Z-000001", Noon.AddHours(-1), pipeline: "other").Saved();
        var now = Create(_dir.Path, "20261124T120000Z-000002", Noon).Saved();

        Assert.That(RunComparison.Find(now), Is.Null);
    }

    [Test]
    public void Find_passes_over_a_damaged_report_json()
    {
        var good = Create(_dir.Path, "20261124T100000Z-000001", Noon.AddHours(-2), accepted: 4).Saved();
        _dir.File(Path.Combine("20261124T110000Z-000002", ReportJsonWriter.FileName), "{\"runId\": \"20261124T110000Z-000002\", \"pipeline\": \"demo\", \"startedAt\": \"2026-11-24T11:00:00+00:00\", \"cou");
        var now = Create(_dir.Path, "20261124T120000Z-000003", Noon, accepted: 10).Saved();

        var comparison = RunComparison.Find(now);

        Assert.That(comparison?.PreviousRunId, Is.EqualTo(good.Run.Id));
        Assert.That(comparison!.AcceptedDelta, Is.EqualTo(6));
    }

    [Test]
    public void Find_compares_only_with_runs_of_the_same_kind()
    {
        Create(_dir.Path, "20261124T100000Z-000001", Noon.AddHours(-2), accepted: 7).Saved();
        Create(_dir.Path, "20261124T110000Z-000002", Noon.AddHours(-1), accepted: 0, mode: "validate").Saved();
        var run = Create(_dir.Path, "20261124T120000Z-000003", Noon, accepted: 10).Saved();
        var validate = Create(_dir.Path, "20261124T130000Z-000004", Noon.AddHours(1), accepted: 3, mode: "validate").Saved();

        var ofRun = RunComparison.Find(run);
        var ofValidate = RunComparison.Find(validate);

        Assert.That((ofRun?.PreviousRunId, ofRun?.Mode, ofRun?.AcceptedDelta), Is.EqualTo(("20261124T100000Z-000001", "run", 3L)), "a validate run stores nothing: no base for a run");
        Assert.That((ofValidate?.PreviousRunId, ofValidate?.Mode), Is.EqualTo(("20261124T110000Z-000002", "validate")));
    }

    [Test]
    public void The_page_says_which_kind_of_run_it_compares_with_or_that_there_is_none_of_its_kind()
    {
        Create(_dir.Path, "20261124T100000Z-000001", Noon.AddHours(-2), accepted: 7).Saved();
        var validate = Create(_dir.Path, "20261124T120000Z-000002", Noon, mode: "validate").Saved();
        var run = Create(_dir.Path, "20261124T130000Z-000003", Noon.AddHours(1)).Saved();

        Assert.That(Render(validate), Does.Contain("id=\"no-previous\"").And.Contain("No previous <strong>validate</strong> run of pipeline"));
        Assert.That(Render(run), Does.Contain("Compared with the previous run of the same kind (<strong>run</strong>)"), "of the same kind, and says so");
    }

    private static string Render(ProductFlow.Reports.QualityReport report)
    {
        using var writer = new StringWriter();
        HtmlReportWriter.Write(report, RunComparison.Find(report), writer);
        return writer.ToString();
    }
}
