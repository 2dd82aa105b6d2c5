using ProductFlow.Retention;

namespace ProductFlow.Server.Configuration;

/// <summary><c>ProductFlow:Retention</c>: the recurring job <c>retention</c>, which purges reports, filed feeds and closed quarantine entries by age.</summary>
/// <remarks>Products, their versions and lineage, and runs are never purged; export versions are pruned to each channel's <c>keepVersions</c>
/// when it publishes.</remarks>
public sealed class RetentionSettings
{
    /// <summary>Whether the job is registered; default true. Set false to keep everything (the job is removed at the next start).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>When it runs (cron, five fields or six with seconds). Default <c>30 3 * * *</c>: 03:30 every day.</summary>
    public string Schedule { get; set; } = "30 3 * * *";

    /// <summary>The schedule's IANA time zone. Default <c>UTC</c>.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>How long a run's report folder is kept after it was last written. Default 90 days.</summary>
    public TimeSpan Reports { get; set; } = new RetentionPolicy().Reports;

    /// <summary>How long a feed is kept in <c>archive/</c> after the day it was filed. Default 30 days.</summary>
    public TimeSpan ArchivedFeeds { get; set; } = new RetentionPolicy().ArchivedFeeds;

    /// <summary>How long a feed is kept in <c>failed/</c> after the day it was filed. Default 90 days.</summary>
    public TimeSpan FailedFeeds { get; set; } = new RetentionPolicy().FailedFeeds;

    /// <summary>How long a closed quarantine entry is kept after the run that closed it. Default 180 days.</summary>
    public TimeSpan ClosedQuarantine { get; set; } = new RetentionPolicy().ClosedQuarantine;

    public RetentionPolicy Policy() => new() { Reports = Reports, ArchivedFeeds = ArchivedFeeds, FailedFeeds = FailedFeeds, ClosedQuarantine = ClosedQuarantine };
}
