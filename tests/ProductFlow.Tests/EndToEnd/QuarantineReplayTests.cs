using System.Text.Json;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.EndToEnd;

/// <summary><c>quarantine replay</c> after a rule fix: what now passes is stored and its entry closes; the rest stays quarantined.</summary>
[NonParallelizable]
public class QuarantineReplayTests
{
    private TempDirectory _dir = null!;

    private string Data => _dir.Combine("data");

    [SetUp]
    public void CreateFolder() => _dir = new TempDirectory();

    [TearDown]
    public void DeleteFolder() => _dir.Dispose();

    [Test]
    public void Replay_with_a_fixed_rule_stores_the_records_that_now_pass_and_closes_their_entries()
    {
        var demo = TestPaths.InRepository("pipelines", "demo.json");
        var fixedPipeline = _dir.File("fixed.json", File.ReadAllText(demo)
            .Replace("\"../", "\"" + TestPaths.RepositoryRoot + "/", StringComparison.Ordinal)
            .Replace("\"Nvy\": \"navy\" }", "\"Nvy\": \"navy\", \"Purple\": \"white\" }", StringComparison.Ordinal));
        var first = CliProcess.Run(_dir.Path, "run", demo, "--data", Data, "--json");
        using var firstJson = JsonDocument.Parse(first.Stdout);
        var runId = firstJson.RootElement.GetProperty("runId").GetString()!;

        var replay = CliProcess.Run(_dir.Path, "quarantine", "replay", runId, "--pipeline", fixedPipeline, "--data", Data, "--json");

        Assert.That(replay.ExitCode, Is.Zero, replay.ToString());
        using var json = JsonDocument.Parse(replay.Stdout);
        var counts = json.RootElement.GetProperty("counts");
        Assert.That((counts.GetProperty("read").GetInt32(), counts.GetProperty("rejected").GetInt32()), Is.EqualTo((7, 5)));
        var history = CliProcess.Run(_dir.Path, "history", "TS-1028-WHT-L", "--data", Data, "--json");
        Assert.That(history.Stdout, Does.Contain("\"version\":1").And.Contain($"replay-{runId}.jsonl"));
        var open = CliProcess.Run(_dir.Path, "quarantine", "list", "--data", Data);
        Assert.That(open.Stdout, Does.Not.Contain("TS-1028-WHT-L"));
    }

    [Test]
    public void Quarantine_list_says_when_nothing_is_open()
    {
        Assert.That(CliProcess.Run(_dir.Path, "doctor", TestPaths.InRepository("pipelines", "demo.json"), "--data", Data).ExitCode, Is.Zero, "doctor creates the store");

        var result = CliProcess.Run(_dir.Path, "quarantine", "list", "--data", Data);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Stdout.Trim(), Does.StartWith("no open quarantined records"));
    }

    [Test]
    public void Replay_of_an_unknown_run_is_a_usage_error_in_one_line()
    {
        Assert.That(CliProcess.Run(_dir.Path, "doctor", TestPaths.InRepository("pipelines", "demo.json"), "--data", Data).ExitCode, Is.Zero, "doctor creates the store");
        var result = CliProcess.Run(_dir.Path, "quarantine", "replay", "no-such-run", "--pipeline", TestPaths.InRepository("pipelines", "demo.json"), "--data", Data);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr.Trim(), Does.StartWith("productflow: no run no-such-run").And.Not.Contain("\n"));
    }
}
