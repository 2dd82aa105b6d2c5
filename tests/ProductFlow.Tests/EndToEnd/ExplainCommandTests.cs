using System.Text.Json;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.EndToEnd;

/// <summary><c>productflow explain</c> on the demo: origins of values and why a product is or is not on a channel.</summary>
[NonParallelizable]
public class ExplainCommandTests
{
    private static TempDirectory _dir = null!;

    private static string Data => _dir.Combine("data");

    [OneTimeSetUp]
    public static void RunTheDemo()
    {
        _dir = new TempDirectory();
        var run = CliProcess.Run(_dir.Path, "run", TestPaths.InRepository("pipelines", "demo.json"), "--data", Data, "--quiet");
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
    }

    [OneTimeTearDown]
    public static void Delete() => _dir.Dispose();

    [Test]
    public void A_product_kept_off_a_channel_names_the_rule_that_keeps_it_off()
    {
        var root = Explain("TS-1038-WHT-M", "--json");

        var channels = root.GetProperty("channels").EnumerateArray().ToDictionary(c => c.GetProperty("channel").GetString()!);
        Assert.That(channels.ToDictionary(c => c.Key, c => c.Value.GetProperty("published").GetBoolean()),
            Is.EquivalentTo(new Dictionary<string, bool> { ["web"] = true, ["shopify"] = true, ["google"] = false, ["partner"] = false }));
        var blocker = channels["partner"].GetProperty("blockedBy").EnumerateArray().Single();
        Assert.That((blocker.GetProperty("rule").GetString(), blocker.GetProperty("severity").GetString()), Is.EqualTo(("schema", "error")));
        Assert.That(blocker.GetProperty("message").GetString(), Does.Contain("description"));
        var google = channels["google"].GetProperty("blockedBy").EnumerateArray().Single();
        Assert.That(google.GetProperty("rule").GetString(), Is.EqualTo("google.required"));
        Assert.That(google.GetProperty("message").GetString(), Does.Contain("description"));
    }

    [Test]
    public void Values_carry_their_cell_or_the_rule_that_set_them()
    {
        var values = Explain("TS-1001-NVY-M", "--locale", "en_US", "--json").GetProperty("values").EnumerateArray().ToList();

        var name = values.Single(v => v.GetProperty("attribute").GetString() == "name");
        Assert.That(
            (name.GetProperty("value").GetString(), name.GetProperty("origin").GetProperty("feed").GetString(), name.GetProperty("origin").GetProperty("line").GetInt32(), name.GetProperty("origin").GetProperty("column").GetString()),
            Is.EqualTo(("Classic Tee", "supplier-apparel.csv", 3, "name_en")));
        var title = values.Single(v => v.GetProperty("attribute").GetString() == "title");
        Assert.That(title.GetProperty("origin").GetProperty("rule").GetString(), Is.EqualTo("template"));
        Assert.That(values.Select(v => v.GetProperty("locale").GetString()), Has.None.EqualTo("de_DE"), "--locale keeps en_US and unlocalised values");
    }

    [Test]
    public void A_published_product_and_a_disabled_one_are_told_apart()
    {
        var published = Explain("TS-1001-NVY-M", "--channel", "partner", "--json").GetProperty("channels")[0];
        var disabled = Explain("TS-1001-NVY-S", "--json").GetProperty("channels")[0];

        Assert.That(published.GetProperty("published").GetBoolean(), Is.True);
        Assert.That(published.GetProperty("blockedBy").GetArrayLength(), Is.Zero);
        Assert.That(disabled.GetProperty("published").GetBoolean(), Is.False);
        Assert.That(disabled.GetProperty("blockedBy")[0].GetProperty("rule").GetString(), Is.EqualTo("enabled"));
    }

    [Test]
    public void The_text_form_reads_like_a_trail_and_an_unknown_sku_is_one_line()
    {
        var text = CliProcess.Run(_dir.Path, "explain", "TS-1038-WHT-M", "--data", Data);
        var unknown = CliProcess.Run(_dir.Path, "explain", "ts-1038-wht-m", "--data", Data);

        Assert.That(text.Stdout, Does.Contain("name [en_US]: Long Sleeve Tee 5  (demo: supplier-apparel.csv:312 name_en)").And.Contain("partner: not published"));
        Assert.That(unknown.ExitCode, Is.EqualTo(2), unknown.ToString());
        Assert.That(unknown.Stderr.Trim().Split('\n'), Has.Length.EqualTo(1));
    }

    [Test]
    public void A_value_every_variant_of_its_model_shares_is_shown_lifted_to_the_model()
    {
        var values = Explain("TS-1038-WHT-M", "--json").GetProperty("values").EnumerateArray().ToList();
        var text = CliProcess.Run(_dir.Path, "explain", "TS-1038-WHT-M", "--data", Data);

        var price = values.Single(v => v.GetProperty("attribute").GetString() == "price").GetProperty("origin");
        var image = values.Single(v => v.GetProperty("attribute").GetString() == "image").GetProperty("origin");
        Assert.That((price.GetProperty("rule").GetString(), price.GetProperty("column").GetString()), Is.EqualTo(("lift", "price_eur")), "every TS-1038 costs 29.90");
        Assert.That(image.TryGetProperty("rule", out _), Is.False, "the image differs by colour");
        Assert.That(text.Stdout, Does.Contain("price [EUR]: 29.9  (demo: supplier-apparel.csv:312 price_eur, changed by lift)"));
    }

    [Test]
    public void Completeness_per_channel_and_locale_is_stored_with_the_product_and_explained()
    {
        var incomplete = Explain("TS-1038-WHT-M", "--json").GetProperty("completeness").EnumerateArray().Single();
        var complete = Explain("TS-1001-NVY-M", "--json").GetProperty("completeness").EnumerateArray().Single();
        var text = CliProcess.Run(_dir.Path, "explain", "TS-1038-WHT-M", "--data", Data);

        Assert.That(
            (incomplete.GetProperty("channel").GetString(), incomplete.GetProperty("locale").GetString(), incomplete.GetProperty("present").GetInt32(), incomplete.GetProperty("required").GetInt32()),
            Is.EqualTo(("partner", "en_US", 6, 7)),
            "the English description is missing");
        Assert.That(incomplete.GetProperty("ratio").GetDouble(), Is.EqualTo(0.8571));
        Assert.That((complete.GetProperty("present").GetInt32(), complete.GetProperty("ratio").GetDouble()), Is.EqualTo((7, 1.0)));
        Assert.That(text.Stdout, Does.Contain("completeness partner en_US: 6/7 (86%)"));
        Assert.That(Explain("TS-1038-WHT-M", "--locale", "de_DE", "--json").GetProperty("completeness").GetArrayLength(), Is.Zero, "the partner channel is en_US");
    }

    private static JsonElement Explain(params string[] args)
    {
        var result = CliProcess.Run(_dir.Path, ["explain", .. args, "--data", Data]);
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        return JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }
}
