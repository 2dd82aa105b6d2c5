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
}
