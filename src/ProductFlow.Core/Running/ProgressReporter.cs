using System.Diagnostics;
using ProductFlow.Connectors;

namespace ProductFlow.Running;

/// <summary>Reports a run's progress as it starts and then once a second from a timer, reading counters the run updates; it never slows the
/// run's loop.</summary>
internal sealed class ProgressReporter : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public ProgressReporter(IProgress<RunProgress> progress, string pipeline, Func<long> rows, FeedProgress feed, TimeSpan interval)
    {
        var clock = Stopwatch.StartNew();
        _loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(interval);
            try
            {
                // Whoever watches sees the run started at once, not a second later (a small feed may be done by then).
                do
                {
                    progress.Report(new RunProgress(pipeline, rows(), feed.BytesRead, feed.TotalBytes, clock.Elapsed));
                }
                while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false));
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                // The run is over: stop quietly.
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }
}
