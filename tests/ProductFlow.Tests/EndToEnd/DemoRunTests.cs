using System.Text;
using System.Text.Json;
using ProductFlow.Pipelines;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.EndToEnd;

/// <summary>The demo pipeline run as a user runs it: the built productflow command, in a fresh data folder.</summary>
[NonParallelizable]
public class DemoRunTests
{
    private static readonly Dictionary<string, string> ExpectedRejections = new()
    {
        ["TS-1002-RED-L"] = "gtin.check-digit",
        ["TS-1008-BLK-M"] = "gtin.check-digit",
        ["TS-1026-WHT-XL"] = "gtin.check-digit",
        ["HD-1012-RED-XL"] = "required",
        ["TS-1016-GRY-S"] = "sku.unique",
        ["TS-1022-GRY-XL"] = "number.format",
        ["TS-1028-WHT-L"] = "option.unknown",
    };

    private TempDirectory _dir = null!;

    private string Data => _dir.Combine("data");

    private static string Demo => TestPaths.InRepository("pipelines", "demo.json");

    [SetUp]
    public void CreateFolder() => _dir = new TempDirectory();

    [TearDown]
    public void DeleteFolder() => _dir.Dispose();

    [Test]
    public void The_demo_run_prints_exact_counts_as_one_json_object()
    {
        var result = CliProcess.Run(_dir.Path, "run", Demo, "--data", Data, "--json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.That(root.GetProperty("status").GetString(), Is.EqualTo("completed"));
        var counts = root.GetProperty("counts");
        Assert.That(
            (counts.GetProperty("read").GetInt32(), counts.GetProperty("accepted").GetInt32(), counts.GetProperty("rejected").GetInt32(), counts.GetProperty("warnings").GetInt32()),
            Is.EqualTo((361, 354, 7, 3)));
        Assert.That(
            root.GetProperty("published").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32()),
            Is.EquivalentTo(new Dictionary<string, int> { ["web"] = 342, ["shopify"] = 342, ["google"] = 341, ["partner"] = 341 }),
            "one product is kept off partner by its schema and off google by a missing description; twelve are disabled");
        Assert.That(
            root.GetProperty("issuesByRule").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32()),
            Is.EquivalentTo(new Dictionary<string, int>
            {
                ["gtin.check-digit"] = 3, ["required"] = 1, ["sku.unique"] = 1, ["number.format"] = 1, ["option.unknown"] = 1, ["schema"] = 1,
                ["description.formula-like"] = 1, ["value.formula-like"] = 2, ["google.required"] = 1,
            }));
        var outputs = root.GetProperty("outputs");
        Assert.That(
            outputs.GetProperty("exports").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()),
            Is.EquivalentTo(new Dictionary<string, string>
            {
                ["web"] = Path.Combine(Data, "exports", "web", "v1", "web.jsonl"),
                ["shopify"] = Path.Combine(Data, "exports", "shopify", "v1", "shopify.csv"),
                ["google"] = Path.Combine(Data, "exports", "google", "v1", "google.xml"),
                ["partner"] = Path.Combine(Data, "exports", "partner", "v1", "partner.csv"),
            }));
        Assert.That(Directory.Exists(outputs.GetProperty("report").GetString()), Is.True);
    }

    [Test]
    public void The_demo_rejects_exactly_the_defective_rows_and_hands_them_back_in_the_suppliers_columns()
    {
        var report = ReportFolder(CliProcess.Run(_dir.Path, "run", Demo, "--data", Data, "--json"));

        var rejected = ReadCsv(Path.Combine(report, "rejected.csv"), ',');
        Assert.That(rejected.ToDictionary(r => r["sku"], r => r["pf_rule"]), Is.EquivalentTo(ExpectedRejections));
        Assert.That(rejected.Single(r => r["sku"] == "TS-1022-GRY-XL")["pf_column"], Is.EqualTo("price_eur"));
        Assert.That(rejected.Single(r => r["sku"] == "TS-1022-GRY-XL")["pf_line"], Is.EqualTo("186"));
        Assert.That(File.ReadAllBytes(Path.Combine(report, "rejected.csv")).Take(3), Is.EqualTo(Encoding.UTF8.Preamble.ToArray()));
    }

    [Test]
    public void The_partner_export_holds_exactly_the_publishable_products_guarded_for_excel()
    {
        CliProcess.Run(_dir.Path, "run", Demo, "--data", Data);

        var rows = ReadCsv(PublishedExports.Current(Data, "partner", "partner.csv"), ';');
        Assert.That(rows, Has.Count.EqualTo(341));
        Assert.That(rows[0].Keys, Is.EqualTo(new[] { "SKU", "Model", "Title", "Description", "Brand", "Colour", "Size", "Price EUR", "EAN", "Weight kg", "Stock", "Image" }));
        Assert.That(rows.Select(r => r["SKU"]), Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        var rejectedOnly = ExpectedRejections.Where(r => r.Value != "sku.unique").Select(r => (object)r.Key).ToArray();
        Assert.That(rows.Select(r => r["SKU"]), Has.None.AnyOf(rejectedOnly).And.None.EqualTo("TS-1038-WHT-M"), "rejected and blocked products stay out");
        Assert.That(rows.Single(r => r["SKU"] == "TS-1016-GRY-S")["Stock"], Is.Not.EqualTo("5"), "the first row of a repeated SKU is kept, the repeat is not");
        Assert.That(rows.Select(r => r["SKU"]), Has.None.EqualTo("TS-1001-NVY-S"), "disabled products are not published");
        var hyperlink = rows.Single(r => r["SKU"] == "HD-1033-RED-S");
        Assert.That(hyperlink["Description"], Is.EqualTo("'=HYPERLINK(\"http://evil.example/x\",\"Click me\")"));
        Assert.That(rows.Single(r => r["SKU"] == "HD-1018-BLK-S")["Title"], Does.Contain("Pullover Hoodie 3"), "a variant without a name inherits its model's");
        var hyphenated = rows.Single(r => r["SKU"] == "TS-1005-BLK-M");
        Assert.That((hyphenated["EAN"], hyphenated["Colour"], hyphenated["Price EUR"]), Is.EqualTo(("4006381333009", "black", "39.9")));
        Assert.That(hyphenated["Title"], Is.EqualTo("Fjordline Pocket Tee, \"Weekend\" Edition – Black"), "title rendered by the pipeline's template");
    }

    [Test]
    public void Running_again_creates_no_new_product_versions_and_no_new_export_version()
    {
        CliProcess.Run(_dir.Path, "run", Demo, "--data", Data);
        var export = PublishedExports.Current(Data, "partner", "partner.csv");
        var first = File.ReadAllBytes(export);

        var again = CliProcess.Run(_dir.Path, "run", Demo, "--data", Data, "--json");

        using var json = JsonDocument.Parse(again.Stdout);
        Assert.That(json.RootElement.GetProperty("counts").GetProperty("changed").GetInt32(), Is.Zero);
        Assert.That(PublishedExports.CurrentVersion(Data, "partner"), Is.EqualTo(1));
        Assert.That(Directory.GetDirectories(Path.Combine(Data, "exports", "partner")).Select(Path.GetFileName), Is.EqualTo(new[] { "v1" }));
        Assert.That(File.ReadAllBytes(export), Is.EqualTo(first));
    }

    [Test]
    public void The_report_json_satisfies_its_published_schema()
    {
        var report = ReportFolder(CliProcess.Run(_dir.Path, "run", Demo, "--data", Data, "--json"));

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(report, "report.json")));
        var result = DefinitionSchemas.Report.Validate(json.RootElement);

        Assert.That(result.Errors, Is.Empty);
        Assert.That(json.RootElement.GetProperty("feed").GetProperty("sha256").GetString(), Has.Length.EqualTo(64));
        Assert.That(json.RootElement.GetProperty("issues").GetArrayLength(), Is.EqualTo(12));
    }

    [Test]
    public void Validate_reports_errors_with_exit_1_and_stores_and_publishes_nothing()
    {
        var result = CliProcess.Run(_dir.Path, "validate", Demo, "--input", TestPaths.InRepository("samples", "supplier-apparel.csv"), "--data", Data, "--json");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(Directory.Exists(Path.Combine(Data, "exports")), Is.False);
        Assert.That(File.Exists(Path.Combine(Data, "productflow.db")), Is.False);
        Assert.That(File.Exists(Path.Combine(ReportFolder(result), "report.json")), Is.True);
    }

    [Test]
    public void A_broken_pipeline_file_exits_2_with_one_line_naming_file_and_json_path()
    {
        var pipeline = _dir.File("broken.json", File.ReadAllText(Demo).Replace("\"format\": \"csv\"", "\"format\": \"xml\"", StringComparison.Ordinal));

        var result = CliProcess.Run(_dir.Path, "run", pipeline, "--data", Data);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        AssertOneLine(result.Stderr, "broken.json", "$.source.format");
    }

    [Test]
    public void A_missing_input_file_exits_3_with_a_failed_run_and_its_report()
    {
        var result = CliProcess.Run(_dir.Path, "run", Demo, "--input", _dir.Combine("nope.csv"), "--data", Data, "--json");

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.That(json.RootElement.GetProperty("status").GetString(), Is.EqualTo("failed"));
        AssertOneLine(result.Stderr, "nope.csv", "report");
    }

    [Test]
    public void An_unreadable_feed_exits_3_and_commits_nothing()
    {
        var junk = Path.Combine(_dir.Path, "junk.csv");
        File.WriteAllBytes(junk, Enumerable.Range(0, 4096).Select(i => (byte)((i * 7919) % 251)).ToArray());

        var result = CliProcess.Run(_dir.Path, "run", Demo, "--input", junk, "--data", Data, "--json");

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        AssertOneLine(result.Stderr, "junk.csv");
        var report = ReportFolder(result);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(report, "report.json")));
        Assert.That(json.RootElement.GetProperty("failure").GetProperty("message").GetString(), Does.Contain("junk.csv"));
        Assert.That(PublishedExports.CurrentVersion(Data, "partner"), Is.Null);
    }

    [Test]
    public void A_usage_error_exits_2_with_one_line_and_a_hint()
    {
        var result = CliProcess.Run(_dir.Path, "run", "--frobnicate");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        AssertOneLine(result.Stderr, "hint");
    }

    private static void AssertOneLine(string stderr, params string[] expected)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), stderr);
        foreach (var text in expected)
        {
            Assert.That(lines[0], Does.Contain(text));
        }
    }

    private static string ReportFolder(CliResult result)
    {
        using var json = JsonDocument.Parse(result.Stdout);
        return json.RootElement.GetProperty("outputs").GetProperty("report").GetString()!;
    }

    private static List<Dictionary<string, string>> ReadCsv(string path, char separator)
    {
        using var reader = CsvHelper.CsvReader.FromFile(path, CsvHelper.CsvReaderOptions.Default with { Separator = separator });
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(reader.Headers.Select((h, i) => (h, reader.GetString(i))).ToDictionary(p => p.h, p => p.Item2));
        }

        return rows;
    }
}
