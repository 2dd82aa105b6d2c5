namespace ProductFlow.Server.Jobs;

/// <summary>The Hangfire queues: workers can be split by them (<c>productflow worker --queues ingest</c>).</summary>
public static class JobQueues
{
    /// <summary>Reading feeds: inbox polls, dropped and uploaded feeds.</summary>
    public const string Ingest = "ingest";

    /// <summary>Publishing channels on their schedules.</summary>
    public const string Publish = "publish";

    /// <summary>Housekeeping (retention).</summary>
    public const string Default = "default";

    public static readonly string[] All = [Ingest, Publish, Default];
}
