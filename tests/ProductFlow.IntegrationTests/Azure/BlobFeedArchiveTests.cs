using System.Text;
using Azure.Storage.Blobs;
using ProductFlow.Azure.Inbox;
using ProductFlow.Inbox;

namespace ProductFlow.IntegrationTests.Azure;

/// <summary>Retention of the feeds the Blob Storage inboxes filed, against a real Azurite server.</summary>
[NonParallelizable]
[CancelAfter(120_000)]
public class BlobFeedArchiveTests
{
    private BlobContainerClient _container = null!;

    [SetUp]
    public void CreateContainer() => _container = Azurite.NewContainer();

    [TearDown]
    public void DeleteContainer() => _container?.DeleteIfExists();

    [Test]
    public async Task Day_folders_wholly_before_the_cutoff_go_with_every_feed_and_report_in_them(CancellationToken cancellationToken)
    {
        foreach (var name in new[]
        {
            "archive/2026-01-01/run-1/monday.csv", "archive/2026-01-01/run-1/report.json", "archive/2026-01-01/run-2/tuesday.csv",
            "archive/2026-01-31/run-3/friday.csv", "failed/2026-01-01/run-4/broken.csv", "inbox/demo/waiting.csv",
        })
        {
            await _container.GetBlobClient(name).UploadAsync(new BinaryData(Encoding.UTF8.GetBytes("x")), cancellationToken);
        }

        var archive = new BlobFeedArchive(_container);

        var archived = await archive.PurgeAsync(FeedShelf.Archive, new DateTimeOffset(2026, 1, 31, 0, 0, 0, TimeSpan.Zero), cancellationToken);
        var again = await archive.PurgeAsync(FeedShelf.Archive, new DateTimeOffset(2026, 1, 31, 0, 0, 0, TimeSpan.Zero), cancellationToken);

        var left = new List<string>();
        await foreach (var blob in _container.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            left.Add(blob.Name);
        }

        Assert.That((archived, again), Is.EqualTo((2, 0)));
        Assert.That(left.Order(), Is.EqualTo(new[] { "archive/2026-01-31/run-3/friday.csv", "failed/2026-01-01/run-4/broken.csv", "inbox/demo/waiting.csv" }));
    }
}
