using System.Text.Json;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.EndToEnd;

/// <summary><c>history</c>, <c>runs</c> and <c>quarantine</c> read what two demo runs stored, run as the built command.</summary>
[NonParallelizable]
public class StoreCommandsTests
{
    private static TempDirectory _dir = null!;
    private static string _firstRun = "";
    private static string _secondRun = "";

    private static string Data => _dir.Combine("data");

    [OneTimeSetUp]
    public static void RunTheDemoTwice()
    {
        _dir = new TempDirectory();
        var demo = TestPaths.InRepository("pipelines", "demo.json");
        var feed = File.ReadAllText(TestPaths.InRepository("samples", "supplier-apparel.csv"));
        var renamed = _dir.File("renamed.csv", feed.Replace("TS-1001-NVY-M,TS-1001,tshirts,apparel|apparel_tshirts,Classic Tee,", "TS-1001-NVY-M,TS-1001,tshirts,apparel|apparel_tshirts,Classic T-Shirt,", StringComparison.Ordinal));
        _firstRun = RunId(CliProcess.Run(_dir.Path, "run", demo, "--data", Data, "--json"));
        _secondRun = RunId(CliProcess.Run(_dir.Path, "run", demo, "--input", renamed, "--data", Data, "--json"));
    }

    [OneTimeTearDown]
    public static void DeleteFolder() => _dir.Dispose();

    [Test]
    public void History_json_lists_each_version_with_its_run_and_the_changed_values_with_their_origin()
    {
        var result = CliProcess.Run(_dir.Path, "history", "TS-1001-NVY-M", "--data", Data, "--json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var versions = json.RootElement.GetProperty("versions").EnumerateArray().ToList();
        Assert.That(json.RootElement.GetProperty("sku").GetString(), Is.EqualTo("TS-1001-NVY-M"));
        Assert.That(versions.Select(v => (v.GetProperty("version").GetInt32(), v.GetProperty("runId").GetString())), Is.EqualTo(new[] { (1, _firstRun), (2, _secondRun) }));
        var changes = versions[1].GetProperty("changes").EnumerateArray().ToList();
        var change = changes.Single(c => c.GetProperty("attribute").GetString() == "name");
        var title = changes.Single(c => c.GetProperty("attribute").GetString() == "title");
        Assert.That(title.GetProperty("origin").GetProperty("rule").GetString(), Is.EqualTo("template"), "the title follows the name through the pipeline's template");
        Assert.That(
            (change.GetProperty("attribute").GetString(), change.GetProperty("locale").GetString(), change.GetProperty("old").GetString(), change.GetProperty("new").GetString()),
            Is.EqualTo(("name", "en_US", "Classic Tee", "Classic T-Shirt")));
        var origin = change.GetProperty("origin");
        Assert.That(
            (origin.GetProperty("feed").GetString(), origin.GetProperty("line").GetInt32(), origin.GetProperty("column").GetString()),
            Is.EqualTo(("renamed.csv", 3, "name_en")));
        Assert.That(versions[0].GetProperty("changes").EnumerateArray().Any(c => c.GetProperty("attribute").GetString() == "price"), Is.True);
    }

    [Test]
    public void History_of_an_unknown_sku_has_no_versions()
    {
        var result = CliProcess.Run(_dir.Path, "history", "NO-SUCH-SKU", "--data", Data, "--json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Stdout.Trim(), Is.EqualTo("""{"sku":"NO-SUCH-SKU","versions":[]}"""));
    }

    [Test]
    public void Runs_list_shows_the_latest_run_first_and_show_gives_feed_and_counts()
    {
        var list = CliProcess.Run(_dir.Path, "runs", "list", "--data", Data, "--json");
        var show = CliProcess.Run(_dir.Path, "runs", "show", _secondRun, "--data", Data, "--json");

        Assert.That(list.ExitCode, Is.Zero, list.ToString());
        using var runs = JsonDocument.Parse(list.Stdout);
        Assert.That(runs.RootElement.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("id").GetString()), Is.EqualTo(new[] { _secondRun, _firstRun }));
        Assert.That(show.ExitCode, Is.Zero, show.ToString());
        using var run = JsonDocument.Parse(show.Stdout);
        var root = run.RootElement;
        Assert.That(
            (root.GetProperty("status").GetString(), root.GetProperty("feed").GetProperty("name").GetString(), root.GetProperty("counts").GetProperty("changed").GetInt32()),
            Is.EqualTo(("completed", "renamed.csv", 1)));
        Assert.That(root.GetProperty("feed").GetProperty("sha256").GetString(), Has.Length.EqualTo(64));
    }

    [Test]
    public void Runs_show_of_an_unknown_run_is_a_usage_error_in_one_line()
    {
        var result = CliProcess.Run(_dir.Path, "runs", "show", "no-such-run", "--data", Data);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr.Trim(), Does.StartWith("productflow: no run no-such-run").And.Not.Contain("\n"));
    }

    [Test]
    public void Quarantine_list_gives_each_rejected_sku_once_with_its_latest_run_and_rule()
    {
        var result = CliProcess.Run(_dir.Path, "quarantine", "list", "--data", Data, "--json");
        var all = CliProcess.Run(_dir.Path, "quarantine", "list", "--all", "--data", Data, "--json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var entries = json.RootElement.GetProperty("entries").EnumerateArray().ToList();
        using var allJson = JsonDocument.Parse(all.Stdout);
        var closed = allJson.RootElement.GetProperty("entries").EnumerateArray().Where(e => e.GetProperty("closedBy").GetString() is not null).ToList();
        // 7 rejections per run, of the same SKUs: the second run's entries are the open ones, and close the first run's.
        Assert.That(entries, Has.Count.EqualTo(7));
        Assert.That(entries.Select(e => e.GetProperty("runId").GetString()), Is.All.EqualTo(_secondRun));
        Assert.That(closed.Select(e => (e.GetProperty("runId").GetString(), e.GetProperty("closedBy").GetString())).ToList(), Has.Count.EqualTo(7).And.All.EqualTo((_firstRun, _secondRun)));
        var first = entries[0];
        Assert.That(
            (first.GetProperty("runId").GetString(), first.GetProperty("line").GetInt32(), first.GetProperty("sku").GetString()),
            Is.EqualTo((_secondRun, 12, "TS-1002-RED-L")));
        Assert.That(first.GetProperty("issues")[0].GetProperty("rule").GetString(), Is.EqualTo("gtin.check-digit"));
        Assert.That(first.GetProperty("source").GetProperty("gtin").GetString(), Is.EqualTo("4006381002106"));
    }

    private static string RunId(CliResult result)
    {
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        return json.RootElement.GetProperty("runId").GetString()!;
    }
}
