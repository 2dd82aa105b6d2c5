using ProductFlow.Pipelines;
using ProductFlow.Running;
using ProductFlow.Store;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.EndToEnd;

/// <summary>Pipelines of each feed format through the whole runner (validate mode: no store), on the demo catalog.</summary>
public class FeedFormatRunTests
{
    private const string JsonFeed = """
        [
          { "sku": "J-1", "name": { "en": "Shirt" }, "color": "black", "size": "m", "price": { "eur": 12.5 }, "weight": 0.25 },
          { "sku": "J-2", "name": { "en": "Shirt" }, "color": "purple", "size": "l", "price": { "eur": "9,99" }, "weight": 0.3 }
        ]
        """;

    [Test]
    public async Task A_json_pipeline_maps_pointers_and_reports_issues_with_the_objects_line()
    {
        using var dir = new TempDirectory();
        var feed = dir.File("feed.json", JsonFeed);
        var pipeline = dir.File("p.json", Pipeline("json", "/name/en", "/price/eur"));

        var report = await Runs.RunAsync(PipelineLoader.Load(pipeline), dir.Combine("data"), input: feed, mode: RunMode.Validate);

        Assert.That(report.Run.Status, Is.EqualTo(RunStatus.Completed));
        Assert.That((report.Run.Counts.Read, report.Run.Counts.Accepted, report.Run.Counts.Rejected), Is.EqualTo((2, 1, 1)));
        var numberIssue = report.Issues.Single(i => i.Rule == "number.format");
        Assert.That((numberIssue.Line, numberIssue.Column), Is.EqualTo(((long?)3, "/price/eur")));
    }

    [Test]
    public async Task A_json_array_cut_in_the_middle_is_a_failed_run_that_says_where()
    {
        using var dir = new TempDirectory();
        var feed = dir.File("feed.json", JsonFeed[..^20]);
        var pipeline = dir.File("p.json", Pipeline("json", "/name/en", "/price/eur"));

        var report = await Runs.RunAsync(PipelineLoader.Load(pipeline), dir.Combine("data"), input: feed);

        Assert.That(report.Run.Status, Is.EqualTo(RunStatus.Failed));
        Assert.That(report.Run.Counts.Accepted, Is.Zero);
        Assert.That(report.Failure!.Message, Does.Contain("feed.json").And.Contain("$[1]"));
    }

    [Test]
    public async Task A_jsonl_pipeline_reads_one_product_per_line()
    {
        using var dir = new TempDirectory();
        var feed = dir.File("feed.jsonl", "{\"sku\":\"L-1\",\"name_en\":\"Shirt\",\"color\":\"black\",\"size\":\"m\",\"price\":\"12.5\"}\n{\"sku\":\"L-2\",\n");
        var pipeline = dir.File("p.json", Pipeline("jsonl", "name_en", "price"));

        var report = await Runs.RunAsync(PipelineLoader.Load(pipeline), dir.Combine("data"), input: feed, mode: RunMode.Validate);

        Assert.That((report.Run.Counts.Read, report.Run.Counts.Accepted, report.Run.Counts.Rejected), Is.EqualTo((2, 1, 1)));
        Assert.That(report.Issues.Single().Rule, Is.EqualTo("json.malformed"));
    }

    [Test]
    public async Task An_xlsx_pipeline_reads_typed_cells_as_invariant_text()
    {
        using var dir = new TempDirectory();
        var feed = dir.Combine("feed.xlsx");
        MiniExcelLibs.MiniExcel.SaveAs(feed, new[]
        {
            new Dictionary<string, object?> { ["sku"] = "X-1", ["name_en"] = "Shirt", ["color"] = "black", ["size"] = "m", ["price"] = 12.5, ["weight"] = 0.25 },
            new Dictionary<string, object?> { ["sku"] = "X-2", ["name_en"] = "Shirt", ["color"] = "black", ["size"] = "m", ["price"] = null, ["weight"] = 1 },
        });
        var pipeline = dir.File("p.json", Pipeline("xlsx", "name_en", "price").Replace("/weight", "weight", StringComparison.Ordinal));

        var report = await Runs.RunAsync(PipelineLoader.Load(pipeline), dir.Combine("data"), input: feed, mode: RunMode.Validate);

        Assert.That((report.Run.Counts.Read, report.Run.Counts.Accepted, report.Run.Counts.Rejected), Is.EqualTo((2, 1, 1)));
        Assert.That((report.Issues.Single().Rule, report.Issues.Single().Line), Is.EqualTo(("required", (long?)3)));
    }

    [Test]
    public void Source_options_left_out_keep_their_defaults()
    {
        using var dir = new TempDirectory();
        var pipeline = dir.File("p.json", Pipeline("xlsx", "name_en", "price").Replace("\"format\": \"xlsx\"", "\"format\": \"xlsx\", \"limits\": { \"maxRows\": 10 }", StringComparison.Ordinal));

        var source = PipelineLoader.Load(pipeline).Definition.Source;

        Assert.That((source.HeaderRow, source.Encoding, source.Limits!.MaxRows, source.Limits.MaxColumns, source.Limits.MaxUncompressedBytes), Is.EqualTo((1, "auto", 10L, 1000, 256L * 1024 * 1024)));
    }

    [Test]
    public async Task Empty_rows_are_skipped_and_counted_not_rejected()
    {
        using var dir = new TempDirectory();
        var feed = dir.File("feed.csv", "sku;name_en;color;size;price;weight\n;;;;;\nC-1;Shirt;black;m;12.5;1\n ; ;;;;\n;;\n\n");
        var pipeline = dir.File("p.json", Pipeline("csv", "name_en", "price").Replace("/weight", "weight", StringComparison.Ordinal));

        var report = await Runs.RunAsync(PipelineLoader.Load(pipeline), dir.Combine("data"), input: feed, mode: RunMode.Validate);

        Assert.That((report.Run.Counts.Read, report.Run.Counts.Accepted, report.Run.Counts.Rejected, report.Run.Counts.Skipped), Is.EqualTo((1, 1, 0, 3)));
        Assert.That(report.Issues, Is.Empty);
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(report.Folder, "report.json")));
        Assert.That(json.RootElement.GetProperty("counts").GetProperty("skipped").GetInt32(), Is.EqualTo(3));
    }

    [Test]
    public async Task A_feed_declared_windows_1252_that_is_utf_8_gets_a_warning_naming_the_first_such_line()
    {
        using var dir = new TempDirectory();
        var feed = dir.File("feed.csv", "sku,name_en,color,size,price,weight\nC-1,Shirt,black,m,12.5,1\nC-2,Skjørt,black,m,12.5,1\n");
        var pipeline = dir.File("p.json", Pipeline("csv", "name_en", "price").Replace("/weight", "weight", StringComparison.Ordinal)
            .Replace("\"format\": \"csv\"", "\"format\": \"csv\", \"encoding\": \"windows-1252\"", StringComparison.Ordinal));

        var report = await Runs.RunAsync(PipelineLoader.Load(pipeline), dir.Combine("data"), input: feed, mode: RunMode.Validate);

        var issue = report.Issues.Single();
        Assert.That((issue.Rule, issue.Severity, issue.Line), Is.EqualTo(("encoding.suspect", ProductFlow.Model.Severity.Warning, (long?)3)));
        Assert.That(report.Run.Counts.Accepted, Is.EqualTo(2), "a warning: the rows are read as declared");
    }

    private static string Pipeline(string format, string name, string price) => $$"""
        {
          "name": "formats",
          "catalog": "{{TestPaths.InRepository("schemas", "catalog.json").Replace("\\", "/", StringComparison.Ordinal)}}",
          "source": { "format": "{{format}}" },
          "mapping": {
            "sku": { "column": "sku" },
            "values": [
              { "column": "{{name}}", "attribute": "name", "locale": "en_US" },
              { "column": "color", "attribute": "color" },
              { "column": "size", "attribute": "size" },
              { "column": "{{price}}", "attribute": "price", "currency": "EUR" },
              { "column": "/weight", "attribute": "weight" }
            ]
          },
          "rules": { "required": ["name", "price"] }
        }
        """;
}
