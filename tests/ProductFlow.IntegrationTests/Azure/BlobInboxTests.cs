using System.Text;
using Azure.Storage.Blobs;
using ProductFlow.Tests.Support;
using ProductFlow.Azure.Inbox;
using ProductFlow.Inbox;
using ProductFlow.Pipelines;
using ProductFlow.Running;

namespace ProductFlow.IntegrationTests.Azure;

/// <summary>The Blob Storage inbox against a real Azurite server.</summary>
[NonParallelizable]
[CancelAfter(120_000)]
public class BlobInboxTests
{
    private BlobContainerClient _container = null!;
    private string _work = null!;

    [SetUp]
    public void CreateContainer()
    {
        _container = Azurite.NewContainer();
        _work = Path.Combine(Path.GetTempPath(), "productflow-it", Guid.NewGuid().ToString("N"));
    }

    [TearDown]
    public void DeleteContainer()
    {
        _container?.DeleteIfExists();
        if (Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }
    }

    [Test]
    public async Task A_blob_is_ready_once_marked_done_and_is_claimed_by_one_inbox_only(CancellationToken cancellationToken)
    {
        await Upload("inbox/demo/feed.csv", "sku\nA\n", cancellationToken);
        await Upload("inbox/demo/arriving.csv", "sku\nB\n", cancellationToken);
        var first = Inbox();
        var second = Inbox();

        Assert.That(await first.ReadyAsync(cancellationToken), Is.Empty, "fresh blobs without a marker wait");
        await Upload("inbox/demo/feed.csv.done", "", cancellationToken);
        var ready = await first.ReadyAsync(cancellationToken);
        var claims = new[] { await first.TryClaimAsync(ready.Single(), cancellationToken), await second.TryClaimAsync(ready.Single(), cancellationToken) };

        Assert.That(ready, Is.EqualTo(new[] { "inbox/demo/feed.csv" }));
        Assert.That(await first.SettlingAsync(cancellationToken), Is.EqualTo(1));
        Assert.That(claims.Count(c => c is not null), Is.EqualTo(1));
        Assert.That(await File.ReadAllTextAsync(claims.Single(c => c is not null)!.Path, cancellationToken), Is.EqualTo("sku\nA\n"));
    }

    [Test]
    public async Task Waiting_blobs_run_then_move_to_archive_or_failed_with_their_report(CancellationToken cancellationToken)
    {
        var repository = FindRepository();
        var pipeline = PipelineLoader.Load(Path.Combine(repository, "pipelines", "demo.json"));
        await Upload("inbox/demo/good.csv", await File.ReadAllTextAsync(Path.Combine(repository, "samples", "supplier-apparel.csv"), cancellationToken), cancellationToken);
        await Upload("inbox/demo/broken.csv", "sku,name\nA,\"never closed\n", cancellationToken);
        var inbox = Inbox(TimeSpan.Zero);

        var runs = await new InboxRunner(Runs.Runner(Path.Combine(_work, "data"))).RunWaitingAsync(pipeline, inbox, RunRequest.For(pipeline), cancellationToken: cancellationToken);

        Assert.That(runs.Select(r => (r.Feed, r.Report.Run.Status.ToString())), Is.EquivalentTo(new[] { ("good.csv", "Completed"), ("broken.csv", "Failed") }));
        var names = new List<string>();
        await foreach (var blob in _container.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            names.Add(blob.Name);
        }

        var good = runs.Single(r => r.Feed == "good.csv").Report.Run.Id;
        var broken = runs.Single(r => r.Feed == "broken.csv").Report.Run.Id;
        Assert.That(names, Has.None.StartsWith("inbox/"));
        Assert.That(names, Has.One.Match($"^archive/\\d{{4}}-\\d{{2}}-\\d{{2}}/{good}/good\\.csv$"));
        Assert.That(names, Has.One.Match($"^archive/.*/{good}/report\\.json$"));
        Assert.That(names, Has.One.Match($"^failed/.*/{broken}/broken\\.csv$"));
        Assert.That(names, Has.One.Match($"^failed/.*/{broken}/report\\.json$"));
    }

    private BlobInbox Inbox(TimeSpan? stableFor = null) =>
        new(_container, "demo", _work, new InboxOptions { StableFor = stableFor ?? TimeSpan.FromMinutes(5) });

    private async Task Upload(string name, string content, CancellationToken cancellationToken) =>
        await _container.GetBlobClient(name).UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(content)), overwrite: true, cancellationToken);

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ProductFlow.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ProductFlow.sln not found");
    }
}
