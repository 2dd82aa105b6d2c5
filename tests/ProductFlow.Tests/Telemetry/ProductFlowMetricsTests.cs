using ProductFlow.Pipelines;
using ProductFlow.Running;
using ProductFlow.Telemetry;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Telemetry;

/// <summary>What a run records on the <c>ProductFlow</c> meter, seen by an in-process listener.</summary>
[NonParallelizable]
public class ProductFlowMetricsTests
{
    private TempDirectory _dir = null!;

    private static LoadedPipeline Demo => PipelineLoader.Load(TestPaths.InRepository("pipelines", "demo.json"));

    [SetUp]
    public void CreateFolder() => _dir = new TempDirectory();

    [TearDown]
    public void DeleteFolder() => _dir.Dispose();

    [Test]
    public async Task A_run_counts_its_rows_read_accepted_and_rejected_and_its_duration_tagged_with_its_pipeline()
    {
        using var metrics = new MetricsRecorder();

        var report = await Runs.RunAsync(Demo, _dir.Combine("data"));

        Assert.That(Sum(metrics, "productflow.rows.read"), Is.EqualTo(361).And.EqualTo(report.Run.Counts.Read));
        Assert.That(Sum(metrics, "productflow.rows.accepted"), Is.EqualTo(354));
        Assert.That(Sum(metrics, "productflow.rows.rejected"), Is.EqualTo(7));
        var duration = metrics.Of("productflow.run.duration", "pipeline", "demo").Single();
        Assert.That(duration.Tags["status"], Is.EqualTo("completed"));
        Assert.That(duration.Unit, Is.EqualTo("s"));
        Assert.That(duration.Value, Is.GreaterThan(0).And.LessThan(300));
        Assert.That(metrics.Of("productflow.rows.read", "pipeline", "demo").Single().Unit, Is.EqualTo("{row}"));
    }

    [Test]
    public async Task A_failed_run_records_its_duration_as_failed_and_the_rows_it_read()
    {
        using var metrics = new MetricsRecorder();
        var feed = _dir.File("broken.csv", "sku,name\n\"unterminated,x\n");

        await Runs.RunAsync(Demo, _dir.Combine("data"), input: feed);

        Assert.That(metrics.Of("productflow.run.duration", "pipeline", "demo").Single().Tags["status"], Is.EqualTo("failed"));
        Assert.That(Sum(metrics, "productflow.rows.accepted"), Is.Zero);
    }

    [Test]
    public async Task A_validation_writes_nothing_to_the_store_and_records_nothing()
    {
        using var metrics = new MetricsRecorder();

        await Runs.RunAsync(Demo, _dir.Combine("data"), mode: RunMode.Validate);

        Assert.That(metrics.Measurements.Where(m => m.Tags.TryGetValue("pipeline", out var p) && Equals(p, "demo")), Is.Empty);
    }

    [Test]
    public void The_gauges_report_what_their_sources_say_until_a_source_is_disposed()
    {
        using var metrics = new MetricsRecorder();
        var queues = ProductFlowMetrics.ObserveQueueLength(() => [("ingest", 3), ("publish", 0)]);
        using (ProductFlowMetrics.ObservePublicationLag(() => [("web", TimeSpan.FromMinutes(2))]))
        {
            metrics.Collect();
        }

        queues.Dispose();
        metrics.Collect();

        Assert.That(metrics.Of("productflow.jobs.queue.length", "queue", "ingest").Select(m => m.Value), Is.EqualTo(new[] { 3.0 }));
        Assert.That(metrics.Of("productflow.jobs.queue.length", "queue", "publish").Select(m => m.Value), Is.EqualTo(new[] { 0.0 }));
        Assert.That(metrics.Of("productflow.publication.lag", "channel", "web").Select(m => (m.Value, m.Unit)), Is.EqualTo(new[] { (120.0, (string?)"s") }));
    }

    private static double Sum(MetricsRecorder metrics, string instrument) => metrics.Of(instrument, "pipeline", "demo").Sum(m => m.Value);
}
