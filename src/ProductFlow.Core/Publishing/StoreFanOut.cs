using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using ProductFlow.Model;
using ProductFlow.Store;

namespace ProductFlow.Publishing;

/// <summary>One read of the store handed to several channels at once: each product goes to every channel it was checked for and is not blocked on.</summary>
/// <remarks>
/// <para>One producer enumerates <see cref="IProductStore.ReadPublishableAsync"/> and writes each record into one bounded
/// channel per consumer (<see cref="BoundedChannelFullMode.Wait"/>: the read goes at the pace of the slowest consumer, and
/// memory holds at most <see cref="Capacity"/> records per consumer). Each consumer runs as its own task. Records are shared
/// between consumers, which only read them.</para>
/// <para>The first failure stops everything: a failing read completes every consumer's channel with its exception, a failing
/// consumer cancels the read and the other consumers, so nothing waits on a consumer that is gone. <see cref="RunAsync"/>
/// returns when every task has ended, and then throws that first failure, or <see cref="OperationCanceledException"/> when
/// <c>cancellationToken</c> stopped it.</para>
/// </remarks>
internal static class StoreFanOut
{
    /// <summary>Records buffered per consumer: enough to even out the consumers' pace, few enough to hold next to nothing.</summary>
    public const int Capacity = 256;

    /// <summary>Reads <paramref name="products"/> once and runs every consumer on the records of its channel, concurrently.</summary>
    public static async Task RunAsync(IAsyncEnumerable<PublishableProduct> products, IReadOnlyList<FanOutConsumer> consumers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(products);
        ArgumentNullException.ThrowIfNull(consumers);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ExceptionDispatchInfo? failure = null;

        void Fail(Exception e)
        {
            // A task cancelled because another failed (or the caller cancelled) is not the cause.
            if (e is not OperationCanceledException || !stop.IsCancellationRequested)
            {
                Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(e), null);
            }

            stop.Cancel();
        }

        var options = new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true, SingleWriter = true };
        var buffers = consumers.Select(_ => Channel.CreateBounded<ProductRecord>(options)).ToArray();
        var consuming = consumers.Select((consumer, i) => Task.Run(() => ConsumeAsync(consumer, buffers[i].Reader, Fail, stop.Token), CancellationToken.None)).ToArray();
        var producing = Task.Run(() => ProduceAsync(products, consumers, buffers, Fail, stop.Token), CancellationToken.None);
        await Task.WhenAll(consuming.Append(producing)).ConfigureAwait(false);

        failure?.Throw();
        cancellationToken.ThrowIfCancellationRequested();
    }

    private static async Task ProduceAsync(
        IAsyncEnumerable<PublishableProduct> products, IReadOnlyList<FanOutConsumer> consumers, Channel<ProductRecord>[] buffers, Action<Exception> fail, CancellationToken stop)
    {
        Exception? error = null;
        try
        {
            await foreach (var product in products.WithCancellation(stop).ConfigureAwait(false))
            {
                for (var i = 0; i < buffers.Length; i++)
                {
                    if (product.IsPublishableOn(consumers[i].Channel))
                    {
                        await buffers[i].Writer.WriteAsync(product.Record, stop).ConfigureAwait(false);
                    }
                }
            }
        }
        catch (Exception e)
        {
            error = e;
            fail(e);
        }
        finally
        {
            // Every consumer learns how the read ended: at its end, or with the read's exception.
            foreach (var buffer in buffers)
            {
                buffer.Writer.TryComplete(error);
            }
        }
    }

    private static async Task ConsumeAsync(FanOutConsumer consumer, ChannelReader<ProductRecord> reader, Action<Exception> fail, CancellationToken stop)
    {
        try
        {
            await consumer.ConsumeAsync(reader.ReadAllAsync(stop), stop).ConfigureAwait(false);
            if (!reader.Completion.IsCompleted)
            {
                // A consumer that stops reading early would leave the producer waiting on its full buffer for ever.
                throw new InvalidOperationException($"channel '{consumer.Channel}' stopped reading before the store's last record");
            }
        }
        catch (Exception e)
        {
            fail(e);
        }
    }
}

/// <summary>A consumer of <see cref="StoreFanOut"/>: the channel whose records it takes, and what it does with them.</summary>
internal sealed record FanOutConsumer(string Channel, Func<IAsyncEnumerable<ProductRecord>, CancellationToken, Task> ConsumeAsync);
