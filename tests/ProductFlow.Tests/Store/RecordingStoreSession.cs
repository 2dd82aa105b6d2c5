using ProductFlow.Mapping;
using ProductFlow.Model;
using ProductFlow.Store;

namespace ProductFlow.Tests.Store;

/// <summary>A store session that writes down what it is given ("A" for an upsert of A, "q7" for a quarantine of line 7), and can be made to wait or fail.</summary>
internal sealed class RecordingStoreSession : IStoreSession
{
    private readonly List<string> _writes = [];
    private readonly TaskCompletionSource _firstWriteStarted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The writes so far, in the order they came.</summary>
    public IReadOnlyList<string> Writes
    {
        get
        {
            lock (_writes)
            {
                return [.. _writes];
            }
        }
    }

    /// <summary>The 1-based write that throws <see cref="Failure"/> instead (0: none).</summary>
    public int FailAt { get; init; }

    public InvalidOperationException Failure { get; } = new("the store is down");

    /// <summary>When set, the first write waits for it (and throws what it fails with).</summary>
    public Task? Gate { get; init; }

    /// <summary>Whether a write waits for its token to be cancelled (a store that hangs until the run is cancelled).</summary>
    public bool WaitForCancellation { get; init; }

    /// <summary>Completes when the first write has begun (before the gate).</summary>
    public Task FirstWriteStarted => _firstWriteStarted.Task;

    public bool Committed { get; private set; }

    public bool Disposed { get; private set; }

    public ValueTask UpsertAsync(ProductRecord record, IReadOnlyCollection<string> blockedChannels, CancellationToken cancellationToken = default) =>
        WriteAsync(record.Sku, cancellationToken);

    public ValueTask QuarantineAsync(MappedRecord rejected, CancellationToken cancellationToken = default) =>
        WriteAsync("q" + rejected.Row.Line, cancellationToken);

    public Task<CommitSummary> CommitAsync(CancellationToken cancellationToken = default)
    {
        Committed = true;
        return Task.FromResult(new CommitSummary(Writes.Count, 0, 0));
    }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }

    private async ValueTask WriteAsync(string write, CancellationToken cancellationToken)
    {
        int count;
        lock (_writes)
        {
            _writes.Add(write);
            count = _writes.Count;
        }

        _firstWriteStarted.TrySetResult();
        if (count == 1 && Gate is not null)
        {
            await Gate;
        }

        if (WaitForCancellation)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        if (count == FailAt)
        {
            throw Failure;
        }
    }
}
