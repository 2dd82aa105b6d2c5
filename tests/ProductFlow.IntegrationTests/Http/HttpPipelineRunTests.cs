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

    [Test]
    public async Task Quarantined_items_of_an_api_replay_from_the_store_without_calling_the_api_again()
    {
        await using var api = await SupplierApi.StartAsync();
        var dir = Directory.CreateTempSubdirectory("productflow-it-");
        try
        {
            string Pipeline(string name, string checks)
            {
                var path = Path.Combine(dir.FullName, name);
                File.WriteAllText(path, $$"""
                {
                  "name": "api", "catalog": "{{Catalog().Replace("\\", "/", StringComparison.Ordinal)}}",
                  "source": { "format": "http-json", "url": "{{api.At("/next?page=1")}}", "http": { "paging": "next-link", "items": "/data", "nextLink": "/links/next" } },
                  "mapping": { "sku": { "column": "sku" }, "values": [ { "column": "/dimensions/weight", "attribute": "stock" } ] },
                  "rules": { "checks": [ {{checks}} ] }
                }
                """);
                return path;
            }

            var strict = Pipeline("strict.json", """{ "kind": "range", "attribute": "stock", "max": 1 }""");
            var relaxed = Pipeline("relaxed.json", "");
            var data = Path.Combine(dir.FullName, "data");
            var first = ProductFlow.Tests.Support.CliProcess.Run(dir.FullName, "run", strict, "--data", data, "--json");
            Assert.That(first.ExitCode, Is.Zero, first.ToString());
            var runId = System.Text.Json.JsonDocument.Parse(first.Stdout).RootElement.GetProperty("runId").GetString()!;
            var calls = api.Hits["/next"];

            var replay = ProductFlow.Tests.Support.CliProcess.Run(dir.FullName, "quarantine", "replay", runId, "--pipeline", relaxed, "--data", data, "--json");

            Assert.That(replay.ExitCode, Is.Zero, replay.ToString());
            var counts = System.Text.Json.JsonDocument.Parse(replay.Stdout).RootElement.GetProperty("counts");
            Assert.That((counts.GetProperty("read").GetInt32(), counts.GetProperty("accepted").GetInt32()), Is.EqualTo((3, 3)));
            Assert.That(api.Hits["/next"], Is.EqualTo(calls), "the replay reads the rows the store kept");
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
