namespace ProductFlow.Inbox;

/// <summary>The archive of the folder inboxes: <c>&lt;data&gt;/archive/</c> and <c>&lt;data&gt;/failed/</c>.</summary>
public sealed class FolderFeedArchive(string dataDirectory) : IFeedArchive
{
    private readonly string _data = Path.GetFullPath(dataDirectory);

    public string Location => _data;

    public Task<int> PurgeAsync(FeedShelf shelf, DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        var folder = Path.Combine(_data, ArchiveLayout.Folder(shelf));
        if (!Directory.Exists(folder))
        {
            return Task.FromResult(0);
        }

        var feeds = 0;
        foreach (var day in Directory.EnumerateDirectories(folder).Where(d => ArchiveLayout.IsDayBefore(Path.GetFileName(d), before)).ToList())
        {
            cancellationToken.ThrowIfCancellationRequested();
            feeds += Directory.EnumerateDirectories(day).Count();
            Directory.Delete(day, recursive: true);
        }

        return Task.FromResult(feeds);
    }
}
