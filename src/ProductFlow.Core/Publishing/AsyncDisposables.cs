using System.Runtime.ExceptionServices;

namespace ProductFlow.Publishing;

/// <summary>Disposes what a publish holds as <c>await using</c> would: the last acquired first, and every one even when another throws.</summary>
internal static class AsyncDisposables
{
    /// <summary>Disposes <paramref name="resources"/> from last to first, then throws the first exception any of them threw.</summary>
    public static async ValueTask DisposeAllAsync(IReadOnlyList<IAsyncDisposable> resources)
    {
        ExceptionDispatchInfo? failure = null;
        for (var i = resources.Count - 1; i >= 0; i--)
        {
            try
            {
                await resources[i].DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception e)
            {
                // Rethrown below, once the rest is released: a lock is never kept because an upload failed to close.
                failure ??= ExceptionDispatchInfo.Capture(e);
            }
        }

        failure?.Throw();
    }
}
