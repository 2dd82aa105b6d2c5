namespace ProductFlow.Inbox;

/// <summary>Where an inbox files a feed after its run: <c>archive/</c> (the run completed) or <c>failed/</c> (it could not be read, or ended without a report).</summary>
public enum FeedShelf
{
    Archive,
    Failed,
}
