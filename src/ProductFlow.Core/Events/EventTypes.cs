namespace ProductFlow.Events;

/// <summary>The CloudEvents <c>type</c> of each ProductFlow event.</summary>
public static class EventTypes
{
    /// <summary>A channel's new version is committed (manifest and <c>current</c> written).</summary>
    public const string ExportPublished = "ProductFlow.Export.Published";

    /// <summary>A run completed: its feed is stored (and, for <c>onRun</c> pipelines, published).</summary>
    public const string FeedAccepted = "ProductFlow.Feed.Accepted";

    /// <summary>A run failed: the feed could not be read or a guard stopped the commit; nothing of it is stored.</summary>
    public const string FeedRejected = "ProductFlow.Feed.Rejected";
}
