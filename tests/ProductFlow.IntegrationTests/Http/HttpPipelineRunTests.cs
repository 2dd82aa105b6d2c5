using ProductFlow.Tests.Support;
using ProductFlow.Pipelines;
using ProductFlow.Running;
using ProductFlow.Store;

namespace ProductFlow.IntegrationTests.Http;

/// <summary>An <c>http-json</c> pipeline run end to end against the Kestrel supplier API.</summary>
[NonParallelizable]
[CancelAfter(60_000)]
public class HttpPipelineRunTests
{
    [Test]
    public async Task A_page_failing_after_retries_fails_the_run_with_url_and_status_in_the_report()
    {
        await using var api = await SupplierApi.StartAsync();
        var dir = Directory.CreateTempSubdirectory("productflow-it-");
        try
        {
            var pipeline = Path.Combine(dir.FullName, "p.json");
            await File.WriteAllTextAsync(pipeline, $$"""
                {
                  "name": "api", "catalog": "{{Catalog().Replace("\\", "/", StringComparison.Ordinal)}}",
                  "source": { "format": "http-json", "url": "{{api.At("/broken")}}", "http": { "paging": "none", "maxRetries": 1, "retryDelayMilliseconds": 10 } },
                  "mapping": { "sku": { "column": "sku" }, "values": [ { "column": "/dimensions/weight", "attribute": "weight" } ] }
                }
                """);

            var report = await Runs.RunAsync(PipelineLoader.Load(pipeline), Path.Combine(dir.FullName, "data"));

            Assert.That(report.Run.Status, Is.EqualTo(RunStatus.Failed));
            Assert.That(report.Failure!.Message, Does.Contain(api.At("/broken").ToString()).And.Contain("HTTP 500"));
            Assert.That(File.ReadAllText(Path.Combine(report.Folder, "report.json")), Does.Contain("HTTP 500"));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static string Catalog()
    {
        for (var d = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "ProductFlow.sln")))
            {
                return Path.Combine(d.FullName, "schemas", "catalog.json");
            }
        }

        throw new InvalidOperationException("ProductFlow.sln not found");
    }
}
