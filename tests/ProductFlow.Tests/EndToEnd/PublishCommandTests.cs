using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.EndToEnd;

/// <summary><c>publish</c> and <c>preview</c> on the demo: versions, deltas per channel policy, no-ops, and previews after a mapping change.</summary>
public class PublishCommandTests
{
    private TempDirectory _dir = null!;
    private string[] _lines = null!;

    private static string Demo => TestPaths.InRepository("pipelines", "demo.json");

    private static string Catalog => TestPaths.InRepository("schemas", "catalog.json");

    private string Data => _dir.Combine("data");

    [SetUp]
    public void SetUp()
    {
        _dir = new TempDirectory();
        _lines = File.ReadAllLines(TestPaths.InRepository("samples", "supplier-apparel.csv"));
        Assert.That(CliProcess.Run(_dir.Path, "run", Demo, "--data", Data, "--quiet").ExitCode, Is.Zero);
    }

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [Test]
    public void Preview_after_a_mapping_change_lists_exactly_the_changed_fields_and_publish_then_applies_them_once()
    {
        var pipeline = ScheduledCopy(text => text.Replace("– {{ color | capitalize }}", "({{ color | capitalize }})", StringComparison.Ordinal));
        Assert.That(CliProcess.Run(_dir.Path, "run", pipeline, "--data", Data, "--quiet").ExitCode, Is.Zero);

        var preview = Json(Cli("preview", "partner", "--json"));

        var changes = preview.GetProperty("changes").EnumerateArray().ToList();
        Assert.That((preview.GetProperty("current").GetInt32(), preview.GetProperty("changed").GetInt32(), preview.GetProperty("added").GetInt32(), preview.GetProperty("removed").GetInt32()),
            Is.EqualTo((1, 341, 0, 0)));
        Assert.That(changes.SelectMany(c => c.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("field").GetString())).Distinct(), Is.EqualTo(new[] { "title" }));
        var tee = changes.Single(c => c.GetProperty("sku").GetString() == "TS-1001-NVY-M").GetProperty("fields")[0];
        Assert.That((tee.GetProperty("old").GetString(), tee.GetProperty("new").GetString()), Is.EqualTo(("Northwind Apparel Classic Tee – Navy", "Northwind Apparel Classic Tee (Navy)")));
        Assert.That(PublishedExports.CurrentVersion(Data, "partner"), Is.EqualTo(1), "a preview publishes nothing");

        var published = Json(Cli("publish", "--all", "--json")).GetProperty("channels").EnumerateArray().ToDictionary(c => c.GetProperty("channel").GetString()!);
        var again = Json(Cli("publish", "--all", "--json")).GetProperty("channels").EnumerateArray().ToList();

        Assert.That(published.Values.Select(c => (c.GetProperty("published").GetBoolean(), c.GetProperty("version").GetInt32())), Is.All.EqualTo((true, 2)));
        Assert.That(published["partner"].GetProperty("changed").GetInt32(), Is.EqualTo(341));
        Assert.That(again.Select(c => (c.GetProperty("published").GetBoolean(), c.GetProperty("version").GetInt32())), Is.All.EqualTo((false, 2)), "no change, no version");
        Assert.That(Directory.GetDirectories(_dir.Combine("data", "exports", "partner")).Select(Path.GetFileName).Order(), Is.EqualTo(new[] { "v1", "v2" }));
    }

    [Test]
    public void A_delta_publish_follows_each_channels_policy()
    {
        // One variant's stock changes, and model TS-1002 leaves the assortment (a full feed without its rows).
        var feed = _lines.Where(l => !l.StartsWith("TS-1002-", StringComparison.Ordinal))
            .Select(l => l.StartsWith("TS-1001-NVY-M,", StringComparison.Ordinal) ? Regex.Replace(l, @",37,yes$", ",0,yes") : l);
        var changed = _dir.File("changed.csv", string.Join('\n', feed) + "\n");
        var pipeline = ScheduledCopy(text => text);
        Assert.That(CliProcess.Run(_dir.Path, "run", pipeline, "--input", changed, "--data", Data, "--mode", "full", "--quiet").ExitCode, Is.Zero);

        var published = Json(Cli("publish", "--all", "--delta", "--json")).GetProperty("channels").EnumerateArray().ToDictionary(c => c.GetProperty("channel").GetString()!);

        Assert.That(published.ToDictionary(c => c.Key, c => c.Value.GetProperty("mode").GetString()),
            Is.EquivalentTo(new Dictionary<string, string> { ["web"] = "delta", ["shopify"] = "delta", ["google"] = "full", ["partner"] = "delta" }));
        Assert.That(published.Values.Select(c => (c.GetProperty("changed").GetInt32(), c.GetProperty("removed").GetInt32())), Is.All.EqualTo((1, 7)), "TS-1002 had 7 published variants (its eighth is rejected by the demo's rules)");

        var web = File.ReadAllLines(PublishedExports.Current(Data, "web", "web.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.That(web.Select(d => d.GetProperty("productGroupID").GetString()), Is.EqualTo(new[] { "TS-1001", "TS-1002" }));
        Assert.That(web[0].GetProperty("hasVariant").GetArrayLength(), Is.EqualTo(7), "a changed model is written whole (its 7 enabled variants)");
        Assert.That(web[1].GetProperty("removed").GetBoolean(), Is.True, "a model that left is one tombstone");

        var shopify = File.ReadAllLines(PublishedExports.Current(Data, "shopify", "shopify.csv"));
        Assert.That(shopify.Skip(1).Count(l => l.StartsWith("ts-1001,", StringComparison.Ordinal)), Is.EqualTo(7));
        Assert.That(shopify.Skip(1).Where(l => l.StartsWith("ts-1002,", StringComparison.Ordinal)), Is.EqualTo(new[] { "ts-1002" + new string(',', 22) + "archived" }));

        var google = XDocument.Load(PublishedExports.Current(Data, "google", "google.xml"));
        Assert.That(google.Descendants("item").Count(), Is.EqualTo(341 - 7), "google always gets the whole feed");

        var partner = File.ReadAllLines(PublishedExports.Current(Data, "partner", "partner.csv")).Skip(1).ToList();
        Assert.That(partner.Where(l => l.StartsWith("upsert", StringComparison.Ordinal)).Select(l => l.Split(';')[1]), Is.EqualTo(new[] { "TS-1001-NVY-M" }));
        Assert.That(partner.Count(l => l.StartsWith("delete;TS-1002-", StringComparison.Ordinal)), Is.EqualTo(7));
    }

    [Test]
    public void A_publish_that_would_remove_every_record_of_a_channel_needs_allow_mass_delete()
    {
        var disabled = _dir.File("disabled.csv", string.Join('\n', _lines.Select((l, i) => i == 0 ? l : Regex.Replace(l, ",yes$", ",no"))) + "\n");
        Assert.That(CliProcess.Run(_dir.Path, "run", ScheduledCopy(text => text), "--input", disabled, "--data", Data, "--quiet").ExitCode, Is.Zero);

        var refused = Cli("publish", "partner");

        Assert.That(refused.ExitCode, Is.EqualTo(5), refused.ToString());
        Assert.That(refused.Stderr.Trim(), Does.Contain("partner").And.Contain("every record").And.Contain("--allow-mass-delete").And.Not.Contain("\n"));
        Assert.That(PublishedExports.CurrentVersion(Data, "partner"), Is.EqualTo(1), "the channel keeps its current version");

        var allowed = Json(Cli("publish", "partner", "--allow-mass-delete", "--json")).GetProperty("channels")[0];

        Assert.That((allowed.GetProperty("version").GetInt32(), allowed.GetProperty("records").GetInt32(), allowed.GetProperty("removed").GetInt32()), Is.EqualTo((2, 0, 341)));
    }

    [Test]
    public void Publishing_an_unknown_channel_or_nothing_is_a_usage_error_naming_the_channels()
    {
        var unknown = Cli("publish", "amazon");
        var nothing = Cli("publish");

        Assert.That((unknown.ExitCode, nothing.ExitCode), Is.EqualTo((2, 2)));
        Assert.That(unknown.Stderr, Does.Contain("no channel 'amazon'").And.Contain("web, shopify, google, partner").Or.Contain("partner, web, shopify, google"));
        Assert.That(nothing.Stderr, Does.Contain("--all"));
    }

    private CliResult Cli(params string[] args) => CliProcess.Run(_dir.Path, [.. args, "--data", Data, "--catalog", Catalog]);

    private static JsonElement Json(CliResult result)
    {
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        return JsonDocument.Parse(result.Stdout).RootElement;
    }

    /// <summary>The demo pipeline with absolute paths, changed by <paramref name="change"/>, publishing only on schedule.</summary>
    private string ScheduledCopy(Func<string, string> change)
    {
        var text = File.ReadAllText(Demo)
            .Replace("\"../schemas/", "\"" + TestPaths.InRepository("schemas") + "/", StringComparison.Ordinal)
            .Replace("\"../samples/", "\"" + TestPaths.InRepository("samples") + "/", StringComparison.Ordinal)
            .Replace("\"publish\": \"onRun\"", "\"publish\": \"scheduled\"", StringComparison.Ordinal);
        return _dir.File("pipelines/demo.json", change(text));
    }
}
