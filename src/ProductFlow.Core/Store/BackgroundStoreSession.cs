using System.Threading.Channels;
using ProductFlow.Mapping;
using ProductFlow.Model;

namespace ProductFlow.Store;

/// <summary>A session whose writes run on a task of their own, in the order they were queued, so a run's rules and its store use two cores.</summary>
/// <remarks>
/// Upserts and quarantines are queued in batches of <see cref="BatchSize"/> into a bounded channel of <see cref="Capacity"/>
/// batches (the caller waits when the store falls behind); one task hands them to the inner session one by one, so the
/// last upsert of a SKU still wins. A record belongs to the session once queued (see <see cref="IStoreSession"/>).
/// The inner session's writes take the token given here: a queued write is no longer the caller's call.
/// When the inner session can take records serialised ahead (<see cref="ISerialisingSession"/>), a record queued while the
/// task is behind (a batch waits in the channel) is serialised here, on the caller's thread; one queued while the task keeps
/// up is left to the task. Whichever thread has room does the work, so the two share it whichever is the slower.
/// A failing inner session ends the task and closes the channel with its exception: the next upsert or quarantine, a
/// caller waiting for room, and <see cref="CommitAsync"/> throw it. <see cref="CommitAsync"/> waits for every queued write,
/// then commits the inner session; <see cref="DisposeAsync"/> without a commit stops the task between two writes and
/// disposes the inner session, which rolls back.
/// </remarks>
internal sealed class BackgroundStoreSession : IStoreSession
{
    /// <summary>Writes per batch: one channel hand-over (and at most one wake-up of the task) per batch, not per record.</summary>
    public const int BatchSize = 64;

    /// <summary>Batches queued at most.</summary>
    /// <remarks>
    /// Few records in flight (~300 with <see cref="BatchSize"/>) are likely still in a shared cache when the task reads them;
    /// 2,000 in flight (256 × 8) measured no faster on 2 cores, with a little more CPU per row.
    /// </remarks>
    public const int Capacity = 4;

    private readonly IStoreSession _inner;
    private readonly ISerialisingSession? _serialising;

    // The caller's document buffers, for records serialised ahead.
    private readonly ProductDocument _document = new();
    private readonly CancellationToken _cancellationToken;
    private readonly Channel<List<StoreWrite>> _batches;
    private readonly Task _writer;
    private List<StoreWrite> _batch = new(BatchSize);
    private bool _completed;

    // Set by DisposeAsync on the caller's thread, read by the task before each write.
    private volatile bool _abandoned;

    private BackgroundStoreSession(IStoreSession inner, CancellationToken cancellationToken)
    {
        _inner = inner;
        _serialising = inner as ISerialisingSession;
        _cancellationToken = cancellationToken;
        _batches = Channel.CreateBounded<List<StoreWrite>>(new BoundedChannelOptions(Capacity)
        {
            FullMode = BoundedChannelFullMode.Wait, SingleReader = true, SingleWriter = true,
        });
        _writer = Task.Run(WriteBatchesAsync, CancellationToken.None);
    }

    /// <summary>Starts the task that writes into <paramref name="inner"/>; disposing the session returned disposes <paramref name="inner"/>.</summary>
    /// <param name="inner">The store's session.</param>
    /// <param name="cancellationToken">Cancels the queued writes (the run's token).</param>
    public static IStoreSession Start(IStoreSession inner, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inner);
        return new BackgroundStoreSession(inner, cancellationToken);
    }

    public ValueTask UpsertAsync(ProductRecord record, IReadOnlyCollection<string> blockedChannels, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(blockedChannels);
        return QueueAsync(new StoreWrite(record, blockedChannels, null, null), cancellationToken);
    }

    public ValueTask QuarantineAsync(MappedRecord rejected, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        return QueueAsync(new StoreWrite(null, null, rejected, null), cancellationToken);
    }

    public async Task<CommitSummary> CommitAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfWriterStopped();
        if (_batch.Count > 0)
        {
            await HandOverAsync(cancellationToken).ConfigureAwait(false);
        }

        _completed = true;
        _batches.Writer.TryComplete();

        // Every queued write is in the inner session (or the task's failure is thrown here) before it commits.
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        return await _inner.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        // After a commit the task is done already; otherwise (no commit, or one that failed or was cancelled) it stops here.
        _abandoned = true;
        _batches.Writer.TryComplete();

        // Its failure was thrown at a write or at commit already, or the caller is on its way out with an error of its own.
        await _writer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _inner.DisposeAsync().ConfigureAwait(false);
    }

    private ValueTask QueueAsync(StoreWrite write, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_completed)
        {
            throw new InvalidOperationException("the store session is committed");
        }

        ThrowIfWriterStopped();
        if (write.Record is { } record && _serialising is not null && _batches.Reader.Count > 0)
        {
            // The task is behind: serialising here spares it that work (see the remarks).
            write = write with { Serialised = _serialising.SerialiseAhead(record, _document) };
        }

        _batch.Add(write);
        return _batch.Count < BatchSize ? ValueTask.CompletedTask : HandOverAsync(cancellationToken);
    }

    private async ValueTask HandOverAsync(CancellationToken cancellationToken)
    {
        var full = _batch;
        _batch = new List<StoreWrite>(BatchSize);
        try
        {
            await _batches.Writer.WriteAsync(full, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            // The task failed and closed the channel: its own exception says why.
            await _writer.ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Before the caller has completed the channel the task only stops by failing (or being cancelled): that is thrown here.</summary>
    private void ThrowIfWriterStopped()
    {
        if (_writer.IsCompleted)
        {
            _writer.GetAwaiter().GetResult();
            throw new InvalidOperationException("the store session's writer stopped");
        }
    }

    private async Task WriteBatchesAsync()
    {
        try
        {
            var reader = _batches.Reader;
            while (await reader.WaitToReadAsync(_cancellationToken).ConfigureAwait(false))
            {
                while (reader.TryRead(out var batch))
                {
                    foreach (var write in batch)
                    {
                        if (_abandoned)
                        {
                            return; // disposed without a commit: the inner session rolls back whatever it has
                        }

                        if (write.Record is { } record)
                        {
                            if (_serialising is null)
                            {
                                await _inner.UpsertAsync(record, write.Blocked!, _cancellationToken).ConfigureAwait(false);
                            }
                            else
                            {
                                await _serialising.UpsertAsync(record, write.Blocked!, write.Serialised, _cancellationToken).ConfigureAwait(false);
                            }
                        }
                        else
                        {
                            await _inner.QuarantineAsync(write.Rejected!, _cancellationToken).ConfigureAwait(false);
                        }
                    }
                }
            }
        }
        catch (Exception e)
        {
            // The caller sees it at its next write or at commit; a caller waiting for room in the channel is woken with it.
            _batches.Writer.TryComplete(e);
            throw;
        }
    }

    /// <summary>An upsert (<see cref="Record"/> and <see cref="Blocked"/>, with its stored form when serialised ahead) or a quarantine (<see cref="Rejected"/>).</summary>
    private readonly record struct StoreWrite(ProductRecord? Record, IReadOnlyCollection<string>? Blocked, MappedRecord? Rejected, SerialisedRecord? Serialised);
}
