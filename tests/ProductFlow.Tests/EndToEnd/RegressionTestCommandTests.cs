using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.EndToEnd;

/// <summary><c>productflow test</c>: the regression cases beside a pipeline, run as a user runs them.</summary>
[NonParallelizable]
public class RegressionTestCommandTests
{
    private TempDirectory _dir = null!;

    [SetUp]
    public void CopyTheDemo()
    {
        _dir = new TempDirectory();
        _dir.CopyFromRepository(["pipelines", "schemas", "samples"]);
    }

    [TearDown]
    public void Delete() => _dir.Dispose();

    [Test]
    public void The_demo_cases_pass()
    {
        var result = CliProcess.Run(_dir.Path, "test");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Stdout, Does.Contain("PASS demo/defects").And.Contain("1 passed, 0 failed"));
    }

    [Test]
    public void A_rule_change_fails_the_case_and_shows_the_changed_lines()
    {
        var pipeline = _dir.Combine("pipelines", "demo.json");
        File.WriteAllText(pipeline, File.ReadAllText(pipeline).Replace("\"gtin\": [\"gtin\"],", "\"gtin\": [],", StringComparison.Ordinal));

        var result = CliProcess.Run(_dir.Path, "test", "pipelines/demo.json");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Stdout, Does.Contain("FAIL demo/defects").And.Contain("issues.csv differs").And.Contain("- error,gtin.check-digit,TS-1002-RED-L"));
        Assert.That(result.Stdout, Does.Contain("exports/partner/partner.csv differs").And.Contain("+ TS-1002-RED-L;"), "the product is now published");
    }

    [Test]
    public void Update_records_the_current_outputs_as_expected()
    {
        var expected = _dir.Combine("pipelines", "demo.tests", "defects", "issues.csv");
        File.WriteAllText(expected, "stale");

        var update = CliProcess.Run(_dir.Path, "test", "--update");
        var again = CliProcess.Run(_dir.Path, "test");

        Assert.That(update.ExitCode, Is.Zero, update.ToString());
        Assert.That(File.ReadAllText(expected), Does.Contain("gtin.check-digit"));
        Assert.That(again.ExitCode, Is.Zero, again.ToString());
    }

    [Test]
    public void No_cases_is_a_usage_error_with_a_hint()
    {
        Directory.Delete(_dir.Combine("pipelines", "demo.tests"), recursive: true);

        var result = CliProcess.Run(_dir.Path, "test");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr, Does.Contain("no regression cases").And.Contain("--update"));
    }

    [Test]
    public void A_case_with_nothing_to_compare_fails_and_hints_update()
    {
        var empty = _dir.Combine("pipelines", "demo.tests", "new-supplier");
        Directory.CreateDirectory(empty);
        File.Copy(_dir.Combine("pipelines", "demo.tests", "defects", "input.csv"), Path.Combine(empty, "input.csv"));

        var result = CliProcess.Run(_dir.Path, "test");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Stdout, Does.Contain("FAIL demo/new-supplier").And.Contain("nothing to compare").And.Contain("productflow test --update"));
        Assert.That(result.Stdout, Does.Contain("PASS demo/defects").And.Contain("1 passed, 1 failed"));
    }

    [Test]
    public void The_rejected_rows_are_compared_too()
    {
        var expected = _dir.Combine("pipelines", "demo.tests", "defects", "rejected.csv");
        File.WriteAllText(expected, File.ReadAllText(expected).Replace("TS-1002-RED-L", "TS-1002-RED-XL", StringComparison.Ordinal));

        var result = CliProcess.Run(_dir.Path, "test");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Stdout, Does.Contain("rejected.csv differs").And.Contain("- TS-1002-RED-XL").And.Contain("+ TS-1002-RED-L"));
    }

    [Test]
    public void An_output_the_case_does_not_expect_fails_it()
    {
        File.Delete(_dir.Combine("pipelines", "demo.tests", "defects", "exports", "web", "web.jsonl"));

        var result = CliProcess.Run(_dir.Path, "test");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Stdout, Does.Contain("FAIL demo/defects").And.Contain("exports/web/web.jsonl was not expected"));
    }
}
