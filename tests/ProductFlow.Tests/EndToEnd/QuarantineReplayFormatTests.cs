using System.Text;
using System.Text.Json;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.EndToEnd;

/// <summary><c>quarantine replay</c> for every source format: the rows come back as the feed had them (non-ASCII text included), as a partial run.</summary>
[NonParallelizable]
public class QuarantineReplayFormatTests
{
    private const string Name = "Skjørt Østfold";
    private const string BadGtin = "4006381333932";
    private const string GoodGtin = "4006381333931";

    private TempDirectory _dir = null!;

    private string Data => _dir.Combine("data");

    [SetUp]
    public void CreateFolder() => _dir = new TempDirectory();

    [TearDown]
    public void DeleteFolder() => _dir.Dispose();

    [TestCase("csv")]
    [TestCase("json")]
    [TestCase("jsonl")]
    [TestCase("xlsx")]
    [TestCase("akeneo-csv")]
    public void A_replayed_row_is_stored_as_the_feed_had_it(string format)
    {
        var feed = WriteFeed(format);
        var source = format switch
        {
            "csv" => "\"format\": \"csv\", \"delimiter\": \";\", \"encoding\": \"windows-1252\"",
            _ => $"\"format\": \"{format}\"",
        };
        var mapping = format == "akeneo-csv" ? "" : """
            "mapping": { "sku": { "column": "sku" }, "values": [
              { "column": "name", "attribute": "name", "locale": "en_US" }, { "column": "gtin", "attribute": "gtin" } ] },
            """;
        var strict = Pipeline("strict.json", source, mapping, "\"gtin\": [\"gtin\"]");
        var relaxed = Pipeline("relaxed.json", source, mapping, "\"gtin\": []");
        var first = CliProcess.Run(_dir.Path, "run", strict, "--input", feed, "--data", Data, "--json");
        Assert.That(first.ExitCode, Is.Zero, first.ToString());
        var runId = JsonDocument.Parse(first.Stdout).RootElement.GetProperty("runId").GetString()!;

        var replay = CliProcess.Run(_dir.Path, "quarantine", "replay", runId, "--pipeline", relaxed, "--data", Data, "--json");

        Assert.That(replay.ExitCode, Is.Zero, replay.ToString());
        var counts = JsonDocument.Parse(replay.Stdout).RootElement.GetProperty("counts");
        Assert.That((counts.GetProperty("read").GetInt32(), counts.GetProperty("accepted").GetInt32()), Is.EqualTo((1, 1)));
        var explain = JsonDocument.Parse(CliProcess.Run(_dir.Path, "explain", "NO-2", "--data", Data, "--json").Stdout).RootElement;
        var values = explain.GetProperty("values").EnumerateArray().ToDictionary(v => v.GetProperty("attribute").GetString()!, v => v.GetProperty("value").GetString());
        Assert.That(values, Does.ContainKey("name").WithValue(Name).And.ContainKey("gtin").WithValue(BadGtin));
    }

    [Test]
    public void A_replay_in_a_full_pipeline_is_a_partial_run_that_removes_nothing()
    {
        var feed = WriteFeed("csv");
        var source = "\"format\": \"csv\", \"delimiter\": \";\", \"encoding\": \"windows-1252\"";
        var mapping = """
            "mapping": { "sku": { "column": "sku" }, "values": [ { "column": "name", "attribute": "name", "locale": "en_US" }, { "column": "gtin", "attribute": "gtin" } ] },
            "mode": "full", "maxRemovedShare": 1,
            """;
        var strict = Pipeline("strict.json", source, mapping, "\"gtin\": [\"gtin\"]");
        var relaxed = Pipeline("relaxed.json", source, mapping, "\"gtin\": []");
        var runId = JsonDocument.Parse(CliProcess.Run(_dir.Path, "run", strict, "--input", feed, "--data", Data, "--json").Stdout).RootElement.GetProperty("runId").GetString()!;

        var replay = CliProcess.Run(_dir.Path, "quarantine", "replay", runId, "--pipeline", relaxed, "--data", Data, "--json");

        Assert.That(replay.ExitCode, Is.Zero, replay.ToString());
        Assert.That(JsonDocument.Parse(replay.Stdout).RootElement.GetProperty("counts").TryGetProperty("removed", out var removed) ? removed.GetInt32() : 0, Is.Zero);
        Assert.That(CliProcess.Run(_dir.Path, "explain", "NO-1", "--data", Data, "--json").Stdout, Does.Contain("\"stored\":true").And.Not.Contain("removed"), "the row the replay did not carry stays");
    }

    private string Pipeline(string name, string source, string mapping, string gtin) => _dir.File(name, $$"""
        {
          "name": "nordic",
          "catalog": "{{TestPaths.InRepository("schemas", "catalog.json")}}",
          "source": { {{source}} },
          {{mapping}}
          "rules": { "gtin": {{gtin[(gtin.IndexOf(':') + 1)..]}} }
        }
        """);

    private string WriteFeed(string format)
    {
        var rows = new[] { ("NO-1", "Genser Bø", GoodGtin), ("NO-2", Name, BadGtin) };
        switch (format)
        {
            case "csv":
                var path = _dir.Combine("feed.csv");
                File.WriteAllBytes(path, CodePagesEncodingProvider.Instance.GetEncoding(1252)!.GetBytes("sku;name;gtin\r\n" + string.Concat(rows.Select(r => $"{r.Item1};{r.Item2};{r.Item3}\r\n"))));
                return path;
            case "akeneo-csv":
                return _dir.File("products.csv", "sku;name-en_US;gtin\n" + string.Concat(rows.Select(r => $"{r.Item1};{r.Item2};{r.Item3}\n")));
            case "json":
                return _dir.File("feed.json", JsonSerializer.Serialize(rows.Select(r => new { sku = r.Item1, name = r.Item2, gtin = r.Item3 })));
            case "jsonl":
                return _dir.File("feed.jsonl", string.Concat(rows.Select(r => JsonSerializer.Serialize(new { sku = r.Item1, name = r.Item2, gtin = r.Item3 }) + "\n")));
            default:
                var workbook = _dir.Combine("feed.xlsx");
                MiniExcelLibs.MiniExcel.SaveAs(workbook, rows.Select(r => new Dictionary<string, object?> { ["sku"] = r.Item1, ["name"] = r.Item2, ["gtin"] = r.Item3 }));
                return workbook;
        }
    }
}
