using Azure;
using Azure.Storage.Blobs.Specialized;

namespace ProductFlow.Azure.Inbox;

/// <summary>Keeps a blob lease alive while a feed's run lasts, renewing it every <c>interval</c> until disposed.</summary>
internal sealed class LeaseRenewal : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _disposed;

    public LeaseRenewal(BlobLeaseClient lease, TimeSpan interval)
    {
        _loop = RenewAsync(lease, interval, _stop.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private static async Task RenewAsync(BlobLeaseClient lease, TimeSpan interval, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stop).ConfigureAwait(false))
        {
            try
            {
                await lease.RenewAsync(cancellationToken: stop).ConfigureAwait(false);
            }
            catch (RequestFailedException)
            {
                // A failed renewal is retried at the next tick; if the lease is lost, the final delete fails loudly.
            }
        }
    }
}
