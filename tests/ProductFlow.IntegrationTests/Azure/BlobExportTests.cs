using System.Security.Cryptography;
using Azure.Storage.Blobs;
using ProductFlow.Azure.Exports;
using ProductFlow.Pipelines;
using ProductFlow.Publishing;
using ProductFlow.Running;
using ProductFlow.Tests.Support;

namespace ProductFlow.IntegrationTests.Azure;

/// <summary>Publishing channels into Blob Storage (service mode) against a real Azurite server.</summary>
[NonParallelizable]
[CancelAfter(120_000)]
public class BlobExportTests
{
    private BlobContainerClient _container = null!;
    private TempDirectory _dir = null!;

    private static string Demo => TestPaths.InRepository("pipelines", "demo.json");

    [SetUp]
    public void SetUp()
    {
        _container = Azurite.NewContainer();
        _dir = new TempDirectory();
    }

    [TearDown]
    public void TearDown()
    {
        _container?.DeleteIfExists();
        _dir?.Dispose();
    }

    [Test]
    public async Task A_run_publishes_a_versioned_export_with_its_manifest_into_the_container_and_a_second_run_adds_no_version(CancellationToken cancellationToken)
    {
        var exports = new BlobExportStore(_container, "exports");

        var first = await Runs.RunAsync(PipelineLoader.Load(Demo), _dir.Path, exports: exports, cancellationToken: cancellationToken);
        var second = await Runs.RunAsync(PipelineLoader.Load(Demo), _dir.Path, exports: exports, cancellationToken: cancellationToken);

        Assert.That(first.Publications.Select(p => (p.Channel, p.Version)), Is.EquivalentTo(new[] { ("web", (int?)1), ("shopify", 1), ("google", 1), ("partner", 1) }));
        Assert.That(second.Publications.Select(p => (p.Published, p.Version)), Is.All.EqualTo((false, (int?)1)));
        var names = new List<string>();
        await foreach (var blob in _container.GetBlobsAsync(global::Azure.Storage.Blobs.Models.BlobTraits.None, global::Azure.Storage.Blobs.Models.BlobStates.None, null, cancellationToken))
        {
            if (blob.Name.Contains("partner", StringComparison.Ordinal))
            {
                names.Add(blob.Name);
            }
        }

        Assert.That(names.Order(StringComparer.Ordinal), Is.EqualTo(new[]
        {
            "exports/.state/partner/.publish.lock", "exports/.state/partner/v1.jsonl.gz", "exports/partner/current", "exports/partner/v1/manifest.json", "exports/partner/v1/partner.csv",
        }));
        var data = (await _container.GetBlobClient("exports/partner/v1/partner.csv").DownloadContentAsync(cancellationToken)).Value.Content.ToArray();
        var publisher = new ChannelPublisher(exports);
        var manifest = await publisher.CurrentAsync("partner", cancellationToken);
        Assert.That((manifest!.Version, manifest.Rows, manifest.Sha256), Is.EqualTo((1, 341L, Convert.ToHexStringLower(SHA256.HashData(data)))));
        Assert.That(first.Exports["partner"], Does.EndWith("/exports/partner/v1/partner.csv").And.StartWith("http://127.0.0.1"));
    }

    [Test]
    public async Task A_second_publisher_is_refused_while_the_first_holds_the_channel_lease(CancellationToken cancellationToken)
    {
        var exports = new BlobExportStore(_container);
        await using var held = await exports.LockAsync(ExportLayout.Lock("partner"), cancellationToken);

        var e = await Assert.ThrowsAsync<ProductFlowException>(() => new BlobExportStore(_container).LockAsync(ExportLayout.Lock("partner"), cancellationToken));

        Assert.That(e!.Message, Does.Contain("locked"));
        await held.DisposeAsync();
        await using var after = await exports.LockAsync(ExportLayout.Lock("partner"), cancellationToken);
    }

    [Test]
    public void The_publish_command_writes_into_blob_storage_with_the_connection_string_from_configuration()
    {
        CliProcess.Run(_dir.Path, "run", Demo, "--data", _dir.Combine("data"), "--quiet");
        var environment = new Dictionary<string, string?> { ["PRODUCTFLOW_BLOB"] = Azurite.ConnectionString };

        var result = CliProcess.Run(TestPaths.RepositoryRoot, environment, "publish", "partner", "--data", _dir.Combine("data"), "--exports", $"blob:{_container.Name}/nightly", "--json");

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Stdout, Does.Contain("\"version\":1").And.Contain("/nightly/partner/v1/partner.csv"));
        Assert.That(_container.GetBlobClient("nightly/partner/current").DownloadContent().Value.Content.ToString(), Is.EqualTo("v1\n"));
    }
}
