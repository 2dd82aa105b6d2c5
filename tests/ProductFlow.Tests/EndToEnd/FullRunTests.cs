using System.Text.Json;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.EndToEnd;

/// <summary>Full runs as a user runs them: removals with tombstones, the mass-delete guard, and a feed that breaks off.</summary>
[NonParallelizable]
public class FullRunTests
{
    private TempDirectory _dir = null!;
    private string[] _lines = [];

    private string Data => _dir.Combine("data");

    private static string Demo => TestPaths.InRepository("pipelines", "demo.json");

    [SetUp]
    public void StoreTheDemo()
    {
        _dir = new TempDirectory();
        _lines = File.ReadAllLines(TestPaths.InRepository("samples", "supplier-apparel.csv"));
        var first = CliProcess.Run(_dir.Path, "run", Demo, "--data", Data);
        Assert.That(first.ExitCode, Is.Zero, first.ToString());
    }

    [TearDown]
    public void DeleteFolder() => _dir.Dispose();

    [Test]
    public void A_full_run_that_would_remove_too_many_products_stops_with_exit_5_and_commits_nothing()
    {
        var feed = _dir.File("short.csv", string.Join('\n', _lines.Take(300)) + "\n");

        var result = CliProcess.Run(_dir.Path, "run", Demo, "--input", feed, "--data", Data, "--mode", "full", "--json");

        Assert.That(result.ExitCode, Is.EqualTo(5), result.ToString());
        Assert.That(result.Stderr.Trim(), Does.Contain("would remove").And.Contain("--allow-mass-delete").And.Not.Contain("\n"));
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.That(json.RootElement.GetProperty("status").GetString(), Is.EqualTo("failed"));
        Assert.That(json.RootElement.GetProperty("issuesByRule").GetProperty("store.mass-delete").GetInt32(), Is.EqualTo(1));
        Assert.That(Versions(LastSku()), Is.EqualTo(1));
    }

    [Test]
    public void A_full_run_with_allow_mass_delete_marks_the_missing_products_removed_and_unpublishes_them()
    {
        var feed = _dir.File("short.csv", string.Join('\n', _lines.Take(300)) + "\n");

        var result = CliProcess.Run(_dir.Path, "run", Demo, "--input", feed, "--data", Data, "--mode", "full", "--allow-mass-delete", "--json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.That(json.RootElement.GetProperty("counts").GetProperty("removed").GetInt32(), Is.GreaterThan(40));
        Assert.That(Versions(LastSku()), Is.EqualTo(2));
        Assert.That(File.ReadAllText(PublishedExports.Current(_dir.Combine("data"), "partner", "partner.csv")), Does.Not.Contain(LastSku()));
    }

    [Test]
    public void A_full_pipeline_whose_feed_breaks_off_removes_nothing()
    {
        var pipeline = _dir.File("full.json", File.ReadAllText(Demo)
            .Replace("\"../", "\"" + TestPaths.RepositoryRoot + "/", StringComparison.Ordinal)
            .Replace("\"publish\": \"onRun\"", "\"publish\": \"onRun\", \"mode\": \"full\", \"maxRemovedShare\": 1", StringComparison.Ordinal));
        var feed = _dir.File("broken.csv", string.Join('\n', _lines.Take(10)) + "\nXX-1,\"unterminated\n");

        var result = CliProcess.Run(_dir.Path, "run", pipeline, "--input", feed, "--data", Data);

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(Versions(LastSku()), Is.EqualTo(1));
    }

    private string LastSku() => _lines[^1].Split(',')[0];

    private int Versions(string sku)
    {
        var history = CliProcess.Run(_dir.Path, "history", sku, "--data", Data, "--json");
        Assert.That(history.ExitCode, Is.Zero, history.ToString());
        using var json = JsonDocument.Parse(history.Stdout);
        return json.RootElement.GetProperty("versions").GetArrayLength();
    }
}
