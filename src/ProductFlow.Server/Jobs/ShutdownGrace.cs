
namespace ProductFlow.Server.Jobs;

/// <summary>The token a job's work runs with: Hangfire signals its own token as soon as the worker is asked to stop; this one fires only
/// when the grace period (<c>ProductFlow:Jobs:ShutdownTimeout</c>, less a margin to roll back) has passed after that, so a run that can
/// finish in time finishes, and one that cannot is cancelled, commits nothing, and is requeued by Hangfire.</summary>
internal sealed class ShutdownGrace : IDisposable
{
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _grace = new();
    private readonly CancellationTokenRegistration _registration;

    public ShutdownGrace(TimeSpan shutdownTimeout, CancellationToken stopping)
    {
        var grace = shutdownTimeout > Margin * 2 ? shutdownTimeout - Margin : shutdownTimeout / 2;
        _registration = stopping.Register(() => _grace.CancelAfter(grace));
    }

    public CancellationToken Token => _grace.Token;

    public void Dispose()
    {
        _registration.Dispose();
        _grace.Dispose();
    }
}
