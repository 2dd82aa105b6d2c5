namespace ProductFlow.Retention;

/// <summary>How long ProductFlow keeps what it no longer needs: reports, filed feeds and closed quarantine entries, each by age.</summary>
/// <remarks>The store's products, their versions and lineage, and the runs are never purged; export versions are pruned to each channel's
/// <c>keepVersions</c> when it publishes.</remarks>
public sealed record RetentionPolicy
{
    /// <summary>A run's report folder (<c>&lt;data&gt;/reports/&lt;runId&gt;/</c>) goes this long after it was last written. Default 90 days.</summary>
    public TimeSpan Reports { get; init; } = TimeSpan.FromDays(90);

    /// <summary>A feed in <c>archive/</c> goes this long after the day it was filed. Default 30 days.</summary>
    public TimeSpan ArchivedFeeds { get; init; } = TimeSpan.FromDays(30);

    /// <summary>A feed in <c>failed/</c> goes this long after the day it was filed. Default 90 days.</summary>
    public TimeSpan FailedFeeds { get; init; } = TimeSpan.FromDays(90);

    /// <summary>A closed quarantine entry goes this long after the run that closed it started. Default 180 days.</summary>
    public TimeSpan ClosedQuarantine { get; init; } = TimeSpan.FromDays(180);
}
