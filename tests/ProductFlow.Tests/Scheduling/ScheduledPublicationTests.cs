using ProductFlow.Pipelines;
using ProductFlow.Running;
using ProductFlow.Scheduling;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Scheduling;

/// <summary>A schedule's publication, as its recurring job runs it: the channel's versions are pruned to <c>keepVersions</c> as on any publish.</summary>
[NonParallelizable]
public class ScheduledPublicationTests
{
    private TempDirectory _dir = null!;

    private string Data => _dir.Combine("data");

    [SetUp]
    public void CopyDemo()
    {
        _dir = new TempDirectory();
        _dir.CopyFromRepository(["pipelines", "schemas", "samples"]);

        Patch("pipelines/demo.json", "\"publish\": \"onRun\"", "\"publish\": \"scheduled\"");
        Patch("schemas/catalog.json", "\"kind\": \"web-json\",", "\"kind\": \"web-json\", \"keepVersions\": 2, \"schedule\": { \"cron\": \"0 2 * * *\", \"timeZone\": \"Europe/Oslo\" },");
    }

    [TearDown]
    public void DeleteFolder() => _dir.Dispose();

    [Test]
    public async Task A_scheduled_publication_keeps_only_the_versions_its_channel_keeps()
    {
        var pipeline = PipelineLoader.Load(_dir.Combine("pipelines", "demo.json"));
        var schedule = ScheduleCatalog.Load(_dir.Combine("pipelines")).Single(s => s.Id == "channel:web");
        var services = RunServices.Embedded(Data);
        var feed = File.ReadAllText(_dir.Combine("samples", "supplier-apparel.csv"));
        for (var day = 1; day <= 4; day++)
        {
            var changed = _dir.File($"day{day}.csv", feed.Replace(",M,19.90,4006381001014", $",M,2{day}.90,4006381001014", StringComparison.Ordinal));
            await new PipelineRunner(services).RunAsync(pipeline, RunRequest.For(pipeline) with { Input = changed });
            var published = await ScheduledPublication.RunAsync(schedule, services);
            Assert.That(published.Single().Version, Is.EqualTo(day), "each day's change is a new version");
        }

        var web = Path.Combine(Data, "exports", "web");
        Assert.That(Directory.GetDirectories(web).Select(Path.GetFileName).Order(), Is.EqualTo(new[] { "v3", "v4" }));
        Assert.That(File.ReadAllText(Path.Combine(web, "current")), Is.EqualTo("v4\n"));
    }

    private void Patch(string file, string from, string to)
    {
        var path = _dir.Combine(file);
        var text = File.ReadAllText(path);
        Assert.That(text, Does.Contain(from), $"{file} changed: the test patches '{from}'");
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }
}
