using System.Text.Json;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.EndToEnd;

/// <summary><c>productflow init</c>: a new pipeline that runs at once.</summary>
public class InitCommandTests
{
    [Test]
    public void A_scaffolded_pipeline_runs_at_once_and_publishes_its_sample()
    {
        using var dir = new TempDirectory();

        var init = CliProcess.Run(dir.Path, "init", "shop", "--name", "acme");
        var run = CliProcess.Run(dir.Path, "run", Path.Combine("shop", "pipelines", "acme.json"), "--json");

        Assert.That(init.ExitCode, Is.Zero, init.ToString());
        Assert.That(init.Stdout, Does.Contain("productflow run shop/pipelines/acme.json"));
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        var counts = json.RootElement.GetProperty("counts");
        Assert.That((counts.GetProperty("read").GetInt32(), counts.GetProperty("accepted").GetInt32(), counts.GetProperty("rejected").GetInt32()), Is.EqualTo((7, 6, 1)));
        Assert.That(json.RootElement.GetProperty("published").GetProperty("shop").GetInt32(), Is.EqualTo(6));
        Assert.That(File.ReadAllText(dir.Combine("shop", "pipelines", "acme.json")), Does.Contain("\"$schema\": \"../schemas/pipeline.schema.json\""));
        Assert.That(File.Exists(dir.Combine("shop", "schemas", "pipeline.schema.json")), Is.True, "editors find the schema the pipeline names");
    }

    [Test]
    public void The_data_folder_is_the_projects_from_any_working_folder_and_inits_hint_works_as_printed()
    {
        using var dir = new TempDirectory();

        var init = CliProcess.Run(dir.Path, "init", "shop", "--name", "acme");
        var hint = init.Stdout.Split('\n').Single(l => l.StartsWith("next: ", StringComparison.Ordinal))["next: ".Length..].Trim();
        var run = CliProcess.Run(dir.Path, hint["productflow ".Length..].Split(' '));
        var fromPipelines = CliProcess.Run(dir.Combine("shop", "pipelines"), "run", "acme.json");
        var explain = CliProcess.Run(dir.Combine("shop"), "explain", "TEE-01-BLK-S");

        Assert.That(hint, Is.EqualTo("productflow run shop/pipelines/acme.json"));
        Assert.That(init.Stdout, Does.Contain("shop/data/reports/<run id>/report.html"), "init names where the report will be");
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        var report = run.Stdout.Split('\n').Single(l => l.TrimStart().StartsWith("report ", StringComparison.Ordinal)).Trim()["report".Length..].Trim();
        Assert.That(report, Does.StartWith(dir.Combine("shop", "data", "reports") + Path.DirectorySeparatorChar).And.EndWith("report.html"));
        Assert.That(File.Exists(report), Is.True, "the summary prints the report it wrote");
        Assert.That(fromPipelines.ExitCode, Is.Zero, fromPipelines.ToString());
        Assert.That(fromPipelines.Stdout, Does.Contain("(unchanged)"), "the same store and exports, whatever the working folder");
        Assert.That(explain.ExitCode, Is.Zero, explain.ToString());
        Assert.That(Directory.Exists(dir.Combine("data")) || Directory.Exists(dir.Combine("shop", "pipelines", "data")), Is.False, "no stray data folder");
    }

    [Test]
    public void Init_does_not_overwrite_without_force()
    {
        using var dir = new TempDirectory();
        CliProcess.Run(dir.Path, "init", "shop");

        var again = CliProcess.Run(dir.Path, "init", "shop");
        var forced = CliProcess.Run(dir.Path, "init", "shop", "--force");

        Assert.That(again.ExitCode, Is.EqualTo(2), again.ToString());
        Assert.That(again.Stderr, Does.Contain("already exists").And.Contain("--force"));
        Assert.That(forced.ExitCode, Is.Zero, forced.ToString());
    }
}
