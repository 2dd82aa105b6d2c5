using ProductFlow.Server.Logging;

namespace ProductFlow.Server;

/// <summary>What <c>productflow worker</c> was started with on its command line (configuration supplies the rest, as for <c>serve</c>).</summary>
public sealed record WorkerOptions
{
    /// <summary>The queues to take jobs from, in order of priority; default every queue.</summary>
    public IReadOnlyList<string> Queues { get; init; } = Jobs.JobQueues.All;

    /// <summary>Jobs at once; default <c>ProductFlow:Jobs:Workers</c>.</summary>
    public int? Workers { get; init; }

    public string? DataDirectory { get; init; }

    public LogFormat LogFormat { get; init; } = LogFormat.Text;

    public string? ContentRoot { get; init; }
}
