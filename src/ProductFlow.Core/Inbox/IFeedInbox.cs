using ProductFlow.Reports;

namespace ProductFlow.Inbox;

/// <summary>Where suppliers drop a pipeline's feeds: a local folder or a blob container.</summary>
/// <remarks>
/// A feed is claimed by one process only (<see cref="TryClaimAsync"/> returns <c>null</c> to the others), read from a
/// local file (<see cref="ClaimedFeed.Path"/>), and after its run moved to <c>archive/</c> or <c>failed/</c> with its report.
/// </remarks>
public interface IFeedInbox
{
    /// <summary>Where the inbox is, for messages.</summary>
    string Location { get; }

    /// <summary>The ids of the feeds that are complete and waiting, oldest first.</summary>
    Task<IReadOnlyList<string>> ReadyAsync(CancellationToken cancellationToken = default);

    /// <summary>The number of feeds still arriving.</summary>
    Task<int> SettlingAsync(CancellationToken cancellationToken = default);

    Task<ClaimedFeed?> TryClaimAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Moves the feed to <c>archive/</c> (or <c>failed/</c> for a failed run) with its report.json; returns where it went.</summary>
    Task<string> CompleteAsync(ClaimedFeed feed, QualityReport report, CancellationToken cancellationToken = default);

    /// <summary>Moves the feed to <c>failed/</c> when its run ended without a report.</summary>
    Task<string> AbandonAsync(ClaimedFeed feed, CancellationToken cancellationToken = default);

    /// <summary>Gives the claim up and leaves the feed waiting in the inbox, to be run again (a run that failed on infrastructure and will be
    /// retried); an inbox that cannot put a feed back abandons it to <c>failed/</c>, where it is kept.</summary>
    Task ReleaseAsync(ClaimedFeed feed, CancellationToken cancellationToken = default) => AbandonAsync(feed, cancellationToken);
}
