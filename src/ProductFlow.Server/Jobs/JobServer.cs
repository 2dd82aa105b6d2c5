namespace ProductFlow.Server.Jobs;

/// <summary>A Hangfire server in this process: which queues it takes jobs from and how many it runs at once.</summary>
/// <param name="Queues">The queues, in order of priority; default every queue (<see cref="JobQueues.All"/>).</param>
/// <param name="Workers">Jobs at once; null takes <c>ProductFlow:Jobs:Workers</c>.</param>
public sealed record JobServer(IReadOnlyList<string> Queues, int? Workers = null)
{
    public static JobServer AllQueues { get; } = new(JobQueues.All);
}
