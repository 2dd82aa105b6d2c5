using System.Text.Json;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.EndToEnd;

/// <summary>A channel only ever receives records checked for it: <c>publish --all</c> leaves out the channels whose rules never ran for a record, and <c>explain</c> says so.</summary>
[NonParallelizable]
public class UncheckedChannelTests
{
    private static TempDirectory _dir = null!;

    private static string Data => _dir.Combine("data");

    private static string Catalog => TestPaths.InRepository("schemas", "catalog.json");

    [OneTimeSetUp]
    public static void RunTheDemoForThePartnerChannelOnly()
    {
        _dir = new TempDirectory();
        var pipeline = _dir.File("partner-only.json", File.ReadAllText(TestPaths.InRepository("pipelines", "demo.json"))
            .Replace("\"../", "\"" + TestPaths.RepositoryRoot + "/", StringComparison.Ordinal)
            .Replace("\"channels\": [\"web\", \"shopify\", \"google\", \"partner\"]", "\"channels\": [\"partner\"]", StringComparison.Ordinal)
            .Replace("\"publish\": \"onRun\"", "\"publish\": \"scheduled\"", StringComparison.Ordinal));
        var run = CliProcess.Run(_dir.Path, "run", pipeline, "--data", Data, "--quiet");
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
    }

    [OneTimeTearDown]
    public static void Delete() => _dir.Dispose();

    [Test]
    public void Publish_all_gives_a_channel_only_the_records_its_rules_ran_for()
    {
        var result = CliProcess.Run(_dir.Path, "publish", "--all", "--data", Data, "--catalog", Catalog, "--json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var records = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("channels").EnumerateArray()
            .ToDictionary(c => c.GetProperty("channel").GetString()!, c => c.GetProperty("records").GetInt32());
        Assert.That(records, Is.EquivalentTo(new Dictionary<string, int> { ["web"] = 0, ["shopify"] = 0, ["google"] = 0, ["partner"] = 341 }));
    }

    [Test]
    public void Explain_says_for_every_channel_whether_its_rules_ran_for_the_record()
    {
        var result = CliProcess.Run(_dir.Path, "explain", "TS-1001-NVY-M", "--data", Data, "--catalog", Catalog, "--json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var channels = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("channels").EnumerateArray()
            .ToDictionary(c => c.GetProperty("channel").GetString()!, c => (c.GetProperty("checked").GetBoolean(), c.GetProperty("published").GetBoolean()));
        Assert.That(channels, Is.EquivalentTo(new Dictionary<string, (bool, bool)>
        {
            ["web"] = (false, false), ["shopify"] = (false, false), ["google"] = (false, false), ["partner"] = (true, true),
        }));

        var text = CliProcess.Run(_dir.Path, "explain", "TS-1001-NVY-M", "--data", Data, "--catalog", Catalog);
        Assert.That(text.Stdout, Does.Contain("web: not published").And.Contain("its rules never ran for this record"));
    }
}
