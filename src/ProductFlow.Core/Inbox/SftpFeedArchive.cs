using ProductFlow.Connectors.Sftp;

namespace ProductFlow.Inbox;

/// <summary>The archive of the SFTP inboxes: <c>&lt;root&gt;/archive/</c> and <c>&lt;root&gt;/failed/</c> on their server (see <see cref="SftpInbox"/>).</summary>
public sealed class SftpFeedArchive(SftpEndpoint endpoint, string root) : IFeedArchive
{
    public string Location => $"{endpoint}{SftpPaths.Display(root)}";

    public async Task<int> PurgeAsync(FeedShelf shelf, DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        using var client = await SftpConnection.OpenAsync(endpoint, (what, e) => new InfrastructureException($"{Location}: {what}", Location, e), cancellationToken)
            .ConfigureAwait(false);
        var feeds = 0;
        foreach (var day in await SftpPaths.ListAsync(client, SftpPaths.Join(root, ArchiveLayout.Folder(shelf)), cancellationToken).ConfigureAwait(false))
        {
            if (day.IsDirectory && ArchiveLayout.IsDayBefore(day.Name, before))
            {
                feeds += (await SftpPaths.ListAsync(client, day.FullName, cancellationToken).ConfigureAwait(false)).Count(run => run.IsDirectory);
                await SftpPaths.DeleteTreeAsync(client, day.FullName, cancellationToken).ConfigureAwait(false);
            }
        }

        return feeds;
    }
}
