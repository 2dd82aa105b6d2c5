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

    /// <summary>Takes a feed handed over directly (an upload): <paramref name="write"/> writes its content, invisible to pollers; then
    /// <paramref name="beforeReady"/> is told its id; then it is made ready. Returns its id.</summary>
    /// <remarks>An inbox that cannot take feeds this way (one that pulls from elsewhere) throws <see cref="NotSupportedException"/>.</remarks>
    Task<string> AcceptAsync(string name, Func<Stream, CancellationToken, Task> write, Func<string, Task> beforeReady, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException($"{Location} does not take uploads");

    /// <summary>Copies the feed a finished run filed (in <c>archive/</c> or <c>failed/</c>) back into the inbox as <paramref name="name"/>, to run again;
    /// <paramref name="beforeReady"/> is told its id before it is ready. Returns its id, or null when the filed feed is no longer kept.</summary>
    Task<string?> RequeueAsync(string runId, string name, Func<string, Task> beforeReady, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException($"{Location} does not keep its feeds");
}
