using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.EndToEnd;

/// <summary><c>productflow doctor</c>: one line per check, exit 1 when one fails.</summary>
public class DoctorCommandTests
{
    private static readonly Dictionary<string, string?> NoServers = new() { ["PRODUCTFLOW_STORE"] = null, ["PRODUCTFLOW_BLOB"] = null };

    [Test]
    public void A_sound_project_passes_every_check()
    {
        using var dir = new TempDirectory();

        var result = CliProcess.Run(TestPaths.RepositoryRoot, NoServers, "doctor", "pipelines", "--data", dir.Combine("data"));

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var lines = result.Stdout.TrimEnd().Split('\n');
        Assert.That(lines, Has.All.StartWith("ok    "));
        Assert.That(lines, Has.Some.Contains("pipeline pipelines/demo.json: demo").And.Some.Contains("store: embedded SQLite").And.Some.Contains("blob storage: not configured"));
    }

    [Test]
    public void Each_problem_is_one_line_naming_where_it_is()
    {
        using var dir = new TempDirectory();
        var broken = dir.File("broken.json", File.ReadAllText(TestPaths.InRepository("pipelines", "demo.json"))
            .Replace("\"format\": \"csv\"", "\"format\": \"xml\"", StringComparison.Ordinal)
            .Replace("../schemas/catalog.json", TestPaths.InRepository("schemas", "catalog.json").Replace("\\", "/", StringComparison.Ordinal), StringComparison.Ordinal));
        var environment = new Dictionary<string, string?>(NoServers) { ["PRODUCTFLOW_BLOB"] = "not a connection string" };

        var result = CliProcess.Run(dir.Path, environment, "doctor", broken, "--data", dir.Combine("data"), "--store", "Host=127.0.0.1;Port=1;Username=x;Password=y;Timeout=2");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        var failures = result.Stdout.Split('\n').Where(l => l.StartsWith("FAIL", StringComparison.Ordinal)).ToList();
        Assert.That(failures, Has.Count.EqualTo(3), result.Stdout);
        Assert.That(failures[0], Does.Contain("broken.json").And.Contain("$.source.format"));
        Assert.That(failures[1], Does.StartWith("FAIL  store:").And.Contain("127.0.0.1"));
        Assert.That(failures[2], Does.StartWith("FAIL  blob storage:"));
    }

    [Test]
    public void Each_pipelines_mapped_columns_are_checked_against_its_sources_header()
    {
        using var dir = new TempDirectory();
        var sample = File.ReadAllLines(TestPaths.InRepository("samples", "supplier-apparel.csv"));
        dir.File("feed.csv", string.Join('\n', sample.Take(3).Select((line, i) => i == 0 ? line.Replace(",colour,", ",color,", StringComparison.Ordinal).Replace(",price_eur", ",pris", StringComparison.Ordinal) : line)));
        dir.File("good.csv", string.Join('\n', sample.Take(3)));
        string Pipeline(string name, string feed) => dir.File(name + ".json", File.ReadAllText(TestPaths.InRepository("pipelines", "demo.json"))
            .Replace("../samples/supplier-apparel.csv", feed, StringComparison.Ordinal)
            .Replace("\"name\": \"demo\"", $"\"name\": \"{name}\"", StringComparison.Ordinal)
            .Replace("../schemas/catalog.json", TestPaths.InRepository("schemas", "catalog.json").Replace("\\", "/", StringComparison.Ordinal), StringComparison.Ordinal));
        var broken = Pipeline("broken", "feed.csv");
        var sound = Pipeline("sound", "good.csv");

        var result = CliProcess.Run(dir.Path, NoServers, "doctor", broken, sound, "--data", dir.Combine("data"));

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        var failures = result.Stdout.Split('\n').Where(l => l.StartsWith("FAIL", StringComparison.Ordinal)).ToList();
        Assert.That(failures, Has.Count.EqualTo(1), result.Stdout);
        Assert.That(failures[0], Does.StartWith("FAIL  source of broken: feed.csv lacks mapped column(s) 'colour' (did you mean 'color'?), 'price_eur'"));
        Assert.That(result.Stdout, Does.Contain("ok    source of sound: good.csv has the 19 mapped columns"));
    }

    [Test]
    public void The_service_settings_come_from_appsettings_json_and_the_environment_the_environment_winning()
    {
        using var dir = new TempDirectory();
        var data = dir.Combine("service-data");
        dir.File("appsettings.json", $$"""{ "ProductFlow": { "DataDirectory": "{{data.Replace("\\", "/", StringComparison.Ordinal)}}", "Retention": { "Schedule": "0 25 * * *" } } }""");
        var environment = new Dictionary<string, string?>(NoServers)
        {
            ["ProductFlow__Retention__Schedule"] = "0 4 * * *",
            ["ProductFlow__Inbox__Poll"] = "every minute",
            ["ProductFlow__Pipelines"] = TestPaths.InRepository("pipelines"),
        };

        var result = CliProcess.Run(dir.Path, environment, "doctor", TestPaths.InRepository("pipelines"), "--data", dir.Combine("data"));

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        var lines = result.Stdout.TrimEnd().Split('\n');
        var failures = lines.Where(l => l.StartsWith("FAIL", StringComparison.Ordinal)).ToList();
        Assert.That(failures, Has.Count.EqualTo(1), result.Stdout);
        Assert.That(failures[0], Does.StartWith("FAIL  service settings: ProductFlow:Inbox:Poll: 'every minute' is not a cron expression"), "the environment's schedule replaced the file's bad one");
        Assert.That(lines, Has.Some.EqualTo($"ok    service store: embedded SQLite in {data}").And.Some.StartsWith("ok    service schedule retention: 0 4 * * * UTC, next "));
    }
}
