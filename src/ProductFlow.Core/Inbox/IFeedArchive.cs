namespace ProductFlow.Inbox;

/// <summary>The feeds the inboxes have filed, one folder per UTC day: <c>archive/&lt;yyyy-mm-dd&gt;/&lt;runId&gt;/</c> and
/// <c>failed/&lt;yyyy-mm-dd&gt;/&lt;runId&gt;/</c>, in the data folder or a Blob Storage container; what retention purges.</summary>
public interface IFeedArchive
{
    /// <summary>Where the archive is, for messages.</summary>
    string Location { get; }

    /// <summary>Deletes the day folders of <paramref name="shelf"/> whose whole day is before <paramref name="before"/> (every feed in them was
    /// filed before it); returns how many feeds (run folders) went. Folders that are not days are left alone.</summary>
    Task<int> PurgeAsync(FeedShelf shelf, DateTimeOffset before, CancellationToken cancellationToken = default);

}
