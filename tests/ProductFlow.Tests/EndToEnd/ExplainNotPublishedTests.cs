using System.Text.Json;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.EndToEnd;

/// <summary><c>explain</c> answers "why isn't it published?" for a SKU the store does not hold (quarantined) and for one a channel's filter keeps off.</summary>
[NonParallelizable]
public class ExplainNotPublishedTests
{
    private static TempDirectory _dir = null!;
    private static string _runId = "";

    private static string Data => _dir.Combine("data");

    private static string Catalog => _dir.Combine("schemas", "catalog.json");

    [OneTimeSetUp]
    public static void RunTheDemoWithAFilteredPartnerChannel()
    {
        _dir = new TempDirectory();
        foreach (var file in Directory.GetFiles(TestPaths.InRepository("schemas"), "*", SearchOption.AllDirectories))
        {
            _dir.File(Path.Combine("schemas", Path.GetRelativePath(TestPaths.InRepository("schemas"), file)), File.ReadAllText(file));
        }

        File.WriteAllText(Catalog, File.ReadAllText(Catalog).Replace("\"code\": \"partner\",", "\"code\": \"partner\", \"filter\": \"stock > 40\",", StringComparison.Ordinal));
        var pipeline = _dir.File("demo.json", File.ReadAllText(TestPaths.InRepository("pipelines", "demo.json"))
            .Replace("\"../samples/", "\"" + TestPaths.InRepository("samples") + "/", StringComparison.Ordinal)
            .Replace("\"../schemas/", "\"schemas/", StringComparison.Ordinal));
        var run = CliProcess.Run(_dir.Path, "run", pipeline, "--data", Data, "--json");
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        _runId = JsonDocument.Parse(run.Stdout).RootElement.GetProperty("runId").GetString()!;
    }

    [OneTimeTearDown]
    public static void Delete() => _dir.Dispose();

    [Test]
    public void A_quarantined_sku_is_explained_with_the_issues_that_rejected_it_and_its_feed_line()
    {
        var root = Explain("TS-1002-RED-L", "--json");

        var quarantined = root.GetProperty("quarantined");
        Assert.That(root.GetProperty("stored").GetBoolean(), Is.False);
        Assert.That(
            (quarantined.GetProperty("runId").GetString(), quarantined.GetProperty("feed").GetString(), quarantined.GetProperty("line").GetInt32()),
            Is.EqualTo((_runId, "supplier-apparel.csv", 12)));
        Assert.That(quarantined.GetProperty("issues").EnumerateArray().Select(i => i.GetProperty("rule").GetString()), Is.EqualTo(new[] { "gtin.check-digit" }));
        var channels = root.GetProperty("channels").EnumerateArray().ToList();
        Assert.That(channels.Select(c => c.GetProperty("channel").GetString()), Is.EquivalentTo(new[] { "web", "shopify", "google", "partner" }));
        Assert.That(channels.Select(c => c.GetProperty("published").GetBoolean()), Is.All.False);
        Assert.That(channels.Select(c => c.GetProperty("blockedBy")[0].GetProperty("rule").GetString()), Is.All.EqualTo("gtin.check-digit"));

        var text = CliProcess.Run(_dir.Path, "explain", "TS-1002-RED-L", "--data", Data, "--catalog", Catalog);
        Assert.That(text.ExitCode, Is.Zero, text.ToString());
        Assert.That(text.Stdout, Does.Contain($"not in the store: rejected by run {_runId} (supplier-apparel.csv line 12)").And.Contain("gtin.check-digit"));
    }

    [Test]
    public void A_sku_a_channel_filter_keeps_off_names_the_filter()
    {
        var partner = Explain("TS-1001-NVY-M", "--channel", "partner", "--json").GetProperty("channels").EnumerateArray().Single();

        Assert.That((partner.GetProperty("checked").GetBoolean(), partner.GetProperty("published").GetBoolean()), Is.EqualTo((true, false)));
        var blocker = partner.GetProperty("blockedBy").EnumerateArray().Single();
        Assert.That(blocker.GetProperty("rule").GetString(), Is.EqualTo("filter"));
        Assert.That(blocker.GetProperty("message").GetString(), Does.Contain("stock > 40"));
        Assert.That(Explain("TS-1001-NVY-M", "--channel", "web", "--json").GetProperty("channels")[0].GetProperty("published").GetBoolean(), Is.True);
    }

    private static JsonElement Explain(params string[] args)
    {
        var result = CliProcess.Run(_dir.Path, ["explain", .. args, "--data", Data, "--catalog", Catalog]);
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        return JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }
}
