using System.Diagnostics;
using System.Security.Cryptography;
using ProductFlow.IntegrationTests.Support;
using ProductFlow.Publishing;
using ProductFlow.Tests.Support;

namespace ProductFlow.IntegrationTests.Cli;

/// <summary>A <c>publish</c> process killed (SIGKILL) while it writes leaves the previous version current, and the next publish completes.</summary>
[NonParallelizable]
public class PublishKillTests
{
    private TempDirectory _dir = null!;

    private static string Demo => TestPaths.InRepository("pipelines", "demo.json");

    [SetUp]
    public void SetUp() => _dir = new TempDirectory();

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [Test]
    [CancelAfter(300_000)]
    public async Task A_publish_killed_while_writing_leaves_the_previous_version_current()
    {
        var data = _dir.Combine("data");
        var big = BigFeed.Write(_dir.Combine("big.csv"), copies: 100, distinctModels: true);
        // The copies repeat the demo's GTINs: a copy of the pipeline without GTIN uniqueness accepts them all.
        var pipeline = _dir.File("pipeline.json", File.ReadAllText(Demo)
            .Replace("\"../schemas/", "\"" + TestPaths.InRepository("schemas") + "/", StringComparison.Ordinal)
            .Replace("\"unique\": [\"gtin\"],", "", StringComparison.Ordinal));
        Assert.That(CliProcess.Run(_dir.Path, "run", pipeline, "--input", big, "--data", data, "--quiet").ExitCode, Is.Zero);
        Assert.That(File.ReadLines(Path.Combine(data, "exports", "web", "v1", "web.jsonl")).Count(), Is.EqualTo(4500), "100 copies of the demo's 45 models");
        var first = File.ReadAllBytes(Path.Combine(data, "exports", "web", "v1", "web.jsonl"));
        // The same records in a catalog whose web channel is a different definition: the next publish rewrites it whole.
        var catalog = _dir.File("schemas/catalog.json", File.ReadAllText(TestPaths.InRepository("schemas", "catalog.json"))
            .Replace("\"kind\": \"web-json\",", "\"kind\": \"web-json\", \"keepVersions\": 3,", StringComparison.Ordinal));
        foreach (var schema in Directory.GetFiles(TestPaths.InRepository("schemas", "channels")))
        {
            _dir.File(Path.Combine("schemas", "channels", Path.GetFileName(schema)), File.ReadAllText(schema));
        }

        await KillWhileWritingAsync(data, catalog, Path.Combine(data, "exports", "web", "v2"));

        Assert.That(File.ReadAllText(Path.Combine(data, "exports", "web", "current")), Is.EqualTo("v1\n"));
        Assert.That(File.Exists(Path.Combine(data, "exports", "web", "v2", "manifest.json")), Is.False, "the killed version was never committed");
        Assert.That(File.ReadAllBytes(Path.Combine(data, "exports", "web", "v1", "web.jsonl")), Is.EqualTo(first));

        var again = CliProcess.Run(_dir.Path, "publish", "web", "--data", data, "--catalog", catalog);
        Assert.That(again.ExitCode, Is.Zero, again.ToString());
        Assert.That(File.ReadAllText(Path.Combine(data, "exports", "web", "current")), Is.EqualTo("v2\n"));
        using var stream = File.OpenRead(Path.Combine(data, "exports", "web", "v2", ExportLayout.ManifestName));
        var manifest = ExportManifest.Read(stream);
        Assert.That(manifest.Sha256, Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(data, "exports", "web", "v2", "web.jsonl"))))));
        Assert.That(Directory.GetFiles(Path.Combine(data, "exports"), "*.tmp", SearchOption.AllDirectories), Is.Empty, "the next publish leaves no temporary file behind");
    }

    private static async Task KillWhileWritingAsync(string data, string catalog, string version)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { CliProcess.Cli, "publish", "web", "--data", data, "--catalog", catalog })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        while (!Directory.Exists(version) || !Directory.EnumerateFiles(version, ".web.jsonl.*.tmp").Any(f => new FileInfo(f).Length > 0))
        {
            Assert.That(process.HasExited, Is.False, "the publish ended before it could be killed: make the feed larger");
            await Task.Delay(5);
        }

        process.Kill(entireProcessTree: true); // SIGKILL: no finally blocks run
        await process.WaitForExitAsync();
    }
}
