using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ProductFlow.Inbox;

namespace ProductFlow.Azure.Inbox;

/// <summary>The archive of the Blob Storage inboxes: <c>archive/</c> and <c>failed/</c> in their container (see <see cref="BlobInbox"/>).</summary>
public sealed class BlobFeedArchive(BlobContainerClient container) : IFeedArchive
{
    public string Location => container.Uri.ToString();

    public async Task<int> PurgeAsync(FeedShelf shelf, DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        var prefix = ArchiveLayout.Folder(shelf) + "/";
        var days = new List<string>();
        await foreach (var item in container.GetBlobsByHierarchyAsync(new GetBlobsByHierarchyOptions { Prefix = prefix, Delimiter = "/" }, cancellationToken).ConfigureAwait(false))
        {
            if (item.IsPrefix && ArchiveLayout.IsDayBefore(item.Prefix[prefix.Length..].TrimEnd('/'), before))
            {
                days.Add(item.Prefix);
            }
        }

        var feeds = 0;
        foreach (var day in days)
        {
            var runs = new HashSet<string>(StringComparer.Ordinal);
            await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = day }, cancellationToken).ConfigureAwait(false))
            {
                var rest = blob.Name[day.Length..];
                var slash = rest.IndexOf('/', StringComparison.Ordinal);
                runs.Add(slash < 0 ? rest : rest[..slash]);
                await container.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            feeds += runs.Count;
        }

        return feeds;
    }
}
