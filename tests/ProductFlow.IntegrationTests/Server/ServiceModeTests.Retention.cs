using System.Text.Json;
using ProductFlow.IntegrationTests.Support;
using ProductFlow.Server.Jobs;

namespace ProductFlow.IntegrationTests.Server;

// The recurring job 'retention' on a worker: what is older than ProductFlow:Retention goes; products, versions and runs stay.
public partial class ServiceModeTests
{
    [Test]
    public async Task The_retention_job_purges_old_reports_filed_feeds_and_closed_quarantine_and_keeps_the_rest()
    {
        var service = await PostgresServiceAsync();
        service["ProductFlow__Retention__ClosedQuarantine"] = "00:00:01";
        var oldFeed = Seed("archive", "2020-01-01", "20200101T000000Z-aaaaaa", "old.csv");
        var oldFailure = Seed("failed", "2020-01-01", "20200101T000000Z-bbbbbb", "broken.csv");
        var oldReport = Seed("reports", "20200101T000000Z-aaaaaa", "report.json");
        File.SetLastWriteTimeUtc(oldReport, DateTime.UtcNow.AddDays(-200));
        Directory.SetLastWriteTimeUtc(Path.GetDirectoryName(oldReport)!, DateTime.UtcNow.AddDays(-200));

        // Seven rows rejected, then the one with price "12,99" fixed: the second run accepts its SKU and closes its entry (and the
        // entry of the duplicate row, whose SKU is accepted from its first row).
        Assert.That(_demo.Cli(Cli(), "run", _demo.Pipeline, "--data", _demo.Data, "--quiet").ExitCode, Is.Zero);
        var fixedFeed = _demo.Combine("fixed.csv");
        File.WriteAllText(fixedFeed, File.ReadAllText(_demo.Sample).Replace("\"12,99\"", "12.99", StringComparison.Ordinal));
        Assert.That(_demo.Cli(Cli(), "run", _demo.Pipeline, "--input", fixedFeed, "--data", _demo.Data, "--quiet").ExitCode, Is.Zero);

        await using var worker = await WorkerProcess.StartAsync(_demo.Root, service);
        _demo.Drop(_demo.Sample, "today.csv");
        await WaitForAsync(() => Archived("today.csv").Length == 1, TimeSpan.FromSeconds(60), () => worker.Output);
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // every closing run started more than ClosedQuarantine ago
        var before = Quarantine();
        var closed = before.Count(e => e.GetProperty("closedBy").ValueKind == JsonValueKind.String);
        var reports = Directory.GetDirectories(Path.Combine(_demo.Data, "reports")).Select(Path.GetFileName).ToList();
        Assert.That(closed, Is.GreaterThanOrEqualTo(1));

        Assert.That(RecurringTrigger.Trigger(_store, "hangfire", "retention"), Is.Not.Null, "registered by the worker");
        await WaitForAsync(() => worker.Output.Contains("Retention: ", StringComparison.Ordinal), TimeSpan.FromSeconds(60), () => worker.Output);

        Assert.That((File.Exists(oldFeed), File.Exists(oldFailure), File.Exists(oldReport)), Is.EqualTo((false, false, false)), "older than 30, 90 and 90 days");
        Assert.That(Archived("today.csv"), Has.Length.EqualTo(1), "today's feed stays");
        Assert.That(Directory.GetDirectories(Path.Combine(_demo.Data, "reports")).Select(Path.GetFileName), Is.EquivalentTo(reports.Where(r => r != "20200101T000000Z-aaaaaa")));
        var after = Quarantine();
        Assert.That(after.Count(e => e.GetProperty("closedBy").ValueKind == JsonValueKind.String), Is.Zero, "the closed entries went");
        Assert.That(after, Has.Count.EqualTo(before.Count - closed), "the open ones stay");
        Assert.That(Runs().GetArrayLength(), Is.EqualTo(3), "runs are kept");
        Assert.That(worker.Output, Does.Contain($"Retention: 1 report(s), 1 archived feed(s), 1 failed feed(s), {closed} closed quarantine"));
    }

    private string Seed(params string[] parts)
    {
        var path = Path.Combine([_demo.Data, .. parts]);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "x");
        return path;
    }

    private List<JsonElement> Quarantine()
    {
        var result = _demo.Cli(Cli(), "quarantine", "list", "--all", "--json");
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        return JsonDocument.Parse(result.Stdout).RootElement.GetProperty("entries").EnumerateArray().ToList();
    }
}
