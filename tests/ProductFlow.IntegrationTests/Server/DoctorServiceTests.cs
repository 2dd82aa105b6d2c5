using Npgsql;
using ProductFlow.IntegrationTests.Azure;
using ProductFlow.IntegrationTests.Support;

namespace ProductFlow.IntegrationTests.Server;

/// <summary><c>productflow doctor</c> on a service's configuration (the environment, as <c>serve</c> reads it): PostgreSQL, Azurite, Hangfire's
/// storage before and after a worker created it.</summary>
[NonParallelizable]
[CancelAfter(180_000)]
public class DoctorServiceTests
{
    private DemoFolder _demo = null!;

    [SetUp]
    public void SetUp() => _demo = new DemoFolder();

    [TearDown]
    public void TearDown() => _demo.Dispose();

    [Test]
    public async Task Doctor_checks_the_store_the_containers_and_hangfire_storage_of_the_service_settings()
    {
        var store = await PostgreSqlServer.CreateDatabaseAsync("doctor");
        var exports = Azurite.NewContainer();
        var service = new Dictionary<string, string?>
        {
            ["PRODUCTFLOW_STORE"] = null, ["PRODUCTFLOW_EXPORTS"] = null, ["PRODUCTFLOW_BLOB"] = null,
            ["ProductFlow__DataDirectory"] = _demo.Data,
            ["ProductFlow__Store__ConnectionString"] = store,
            ["ProductFlow__Blob__ConnectionString"] = Azurite.ConnectionString,
            ["ProductFlow__Exports__Container"] = exports.Name,
            ["ProductFlow__Inbox__Container"] = "no-such-container",
        };
        var database = new NpgsqlConnectionStringBuilder(store);
        var location = $"{database.Host}:{database.Port}/{database.Database}";
        try
        {
            var before = Doctor(service);

            Assert.That(before.Failures, Is.EqualTo(new[] { $"FAIL  service inbox: container 'no-such-container' at 127.0.0.1:{exports.Uri.Port} does not exist: create it, suppliers drop feeds there" }), before.Output);
            Assert.That(before.Lines, Has.Some.EqualTo($"ok    service store: PostgreSQL at {location}, reachable, schema up to date")
                .And.Some.EqualTo($"ok    service exports: container '{exports.Name}' at 127.0.0.1:{exports.Uri.Port} reachable")
                .And.Some.EqualTo($"ok    service jobs: Hangfire schema 'hangfire' at {location} not created yet (serve or a worker creates it when it starts)"));

            service["ProductFlow__Inbox__Container"] = null;
            await using (await WorkerProcess.StartAsync(_demo.Root, service))
            {
                var after = Doctor(service);

                Assert.That(after.Failures, Is.Empty, after.Output);
                Assert.That(after.Lines, Has.Some.Match($"^ok    service jobs: Hangfire schema 'hangfire' \\(version \\d+\\) at {location.Replace(".", "\\.", StringComparison.Ordinal)}, 1 server\\(s\\), \\d+ job\\(s\\) waiting$"));
            }

            service["ProductFlow__Jobs__ConnectionString"] = "Host=127.0.0.1;Port=1;Username=x;Password=y;Database=jobs;Timeout=2";
            var unreachable = Doctor(service);
            Assert.That(unreachable.Failures, Has.Count.EqualTo(1).And.Some.StartsWith("FAIL  service jobs: Hangfire storage at 127.0.0.1:1/jobs: "), unreachable.Output);
        }
        finally
        {
            await exports.DeleteIfExistsAsync();
        }
    }

    private DoctorOutput Doctor(Dictionary<string, string?> environment)
    {
        var result = _demo.Cli(environment, "doctor", "pipelines", "--data", _demo.Data);
        var lines = result.Stdout.TrimEnd().Split('\n').Where(l => l.Contains("service", StringComparison.Ordinal)).ToList();
        return new DoctorOutput(lines, lines.Where(l => l.StartsWith("FAIL", StringComparison.Ordinal)).ToList(), result.ToString());
    }

    private sealed record DoctorOutput(List<string> Lines, List<string> Failures, string Output);
}
