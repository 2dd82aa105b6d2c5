using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ProductFlow.Access;
using ProductFlow.Server.Configuration;

namespace ProductFlow.Server.Partners;

/// <summary>Writes the access records of partner requests to the store, in batches, on a task of its own.</summary>
/// <remarks>
/// A request never waits for the store (an embedded store may be inside a run's long write transaction): its record is queued
/// (bounded; a full queue makes the request wait, it never drops a record) and written with the next batch. A failed batch is
/// retried with a growing pause; records still queued when the host stops are written before it exits.
/// </remarks>
internal sealed partial class AccessLog(StoreProvider stores, ILogger<AccessLog> logger) : BackgroundService
{
    private const int BatchSize = 256;

    private readonly Channel<AccessRecord> _queue = Channel.CreateBounded<AccessRecord>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    public ValueTask RecordAsync(AccessRecord record, CancellationToken cancellationToken) => _queue.Writer.WriteAsync(record, cancellationToken);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<AccessRecord>(BatchSize);
        var pause = TimeSpan.FromMilliseconds(200);
        // Stopping completes the queue: the loop drains what is queued, then ends (stoppingToken only cuts a retry pause short).
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
        {
            while (batch.Count < BatchSize && _queue.Reader.TryRead(out var record))
            {
                batch.Add(record);
            }

            try
            {
                var store = await stores.OpenAsync(CancellationToken.None).ConfigureAwait(false);
                await using (store.ConfigureAwait(false))
                {
                    await store.RecordAccessAsync(batch, CancellationToken.None).ConfigureAwait(false);
                }

                batch.Clear();
                pause = TimeSpan.FromMilliseconds(200);
            }
            catch (Exception e) when (e is ProductFlowException or System.Data.Common.DbException or IOException)
            {
                LogRetry(logger, batch.Count, pause, e.Message);
                if (stoppingToken.IsCancellationRequested && pause > TimeSpan.FromSeconds(5))
                {
                    LogLost(logger, batch.Count);
                    return;
                }

                await Task.Delay(pause, CancellationToken.None).ConfigureAwait(false);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Access log: {Records} record(s) not written yet, retrying in {Pause}: {Reason}")]
    private static partial void LogRetry(ILogger logger, int records, TimeSpan pause, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Access log: {Records} record(s) could not be written before the host stopped")]
    private static partial void LogLost(ILogger logger, int records);
}
