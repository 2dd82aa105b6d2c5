using System.Text.Json;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.EndToEnd;

/// <summary><c>productflow inspect</c> run as a process: rows on stdout as JSON Lines, what was detected on stderr.</summary>
public class InspectCommandTests
{
    [Test]
    public async Task Inspect_prints_rows_keyed_by_the_files_headers_and_what_it_detected()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("supplier.csv");
        await File.WriteAllBytesAsync(path, [.. "Art.Nr; Bezeichnung\nA;Caf"u8, 0xE9, .. "\nB;\"x;y\"\nC;bad\"q\n"u8]);

        var result = CliProcess.Run(dir.Path, "inspect", path);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Is.EqualTo("{\"Art.Nr\":\"A\",\" Bezeichnung\":\"Café\",\"_line\":2}"));
        Assert.That(lines[1], Is.EqualTo("{\"Art.Nr\":\"B\",\" Bezeichnung\":\"x;y\",\"_line\":3}"));
        using var problem = JsonDocument.Parse(lines[2]);
        Assert.That(problem.RootElement.GetProperty("_problem").GetString(), Does.StartWith("csv.malformed"));
        Assert.That(result.Stderr, Does.Contain("encoding windows-1252").And.Contain("delimiter ';'").And.Contain("Art.Nr |  Bezeichnung").And.Contain("rows: 3"));
    }

    [Test]
    public void Inspect_stops_at_the_limit()
    {
        using var dir = new TempDirectory();
        var path = dir.File("feed.jsonl", "{\"sku\":\"A\",\"d\":{\"w\":1}}\n{\"sku\":\"B\"}\n{\"sku\":\"C\"}\n");

        var result = CliProcess.Run(dir.Path, "inspect", path, "--limit", "2");

        Assert.That(result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[]
        {
            "{\"/sku\":\"A\",\"/d/w\":\"1\",\"_line\":1}",
            "{\"/sku\":\"B\",\"/d/w\":\"\",\"_line\":2}",
        }));
        Assert.That(result.Stderr, Does.Contain("format jsonl").And.Contain("limit reached"));
    }

    [Test]
    public void Inspect_of_an_unreadable_feed_exits_3_with_one_line()
    {
        using var dir = new TempDirectory();
        var path = dir.File("feed.json", "[{\"sku\":\"A\"}, {\"sku\":");

        var result = CliProcess.Run(dir.Path, "inspect", path);

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(result.Stdout.Trim(), Is.EqualTo("{\"/sku\":\"A\",\"_line\":1}"));
        Assert.That(result.Stderr.Trim().Split('\n').Where(l => l.StartsWith("productflow:", StringComparison.Ordinal)).ToList(), Has.One.Contains("feed.json: line 1"));
    }

    [Test]
    public void Inspect_with_an_unknown_format_exits_2_with_a_hint()
    {
        using var dir = new TempDirectory();
        var path = dir.File("feed.csv", "sku\nA\n");

        var result = CliProcess.Run(dir.Path, "inspect", path, "--format", "xml");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Stderr.Trim(), Does.Contain("unknown format 'xml'").And.Contain("hint"));
    }
}
