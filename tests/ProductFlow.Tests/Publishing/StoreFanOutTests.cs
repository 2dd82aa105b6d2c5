using ProductFlow.Model;
using ProductFlow.Publishing;
using ProductFlow.Store;

namespace ProductFlow.Tests.Publishing;

public class StoreFanOutTests
{
    private static async IAsyncEnumerable<PublishableProduct> Products(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Task.Yield();
            // Every third product is kept off "b" by an error; all were checked for both channels.
            yield return new PublishableProduct(new ProductRecord($"SKU-{i:D5}"), i % 3 == 0 ? "|b|" : "", "|a|b|");
        }
    }

    [TestCase(1)]
    [TestCase(StoreFanOut.Capacity - 1)]
    [TestCase(StoreFanOut.Capacity)]
    [TestCase((5 * StoreFanOut.Capacity) + 7)]
    public async Task Each_consumer_reads_every_record_of_its_channel_once_in_the_store_order(int count)
    {
        var a = new List<string>();
        var b = new List<string>();
        await StoreFanOut.RunAsync(Products(count), [Collect("a", a), Collect("b", b)], CancellationToken.None);

        Assert.That(a, Is.EqualTo(Enumerable.Range(0, count).Select(i => $"SKU-{i:D5}")));
        Assert.That(b, Is.EqualTo(Enumerable.Range(0, count).Where(i => i % 3 != 0).Select(i => $"SKU-{i:D5}")));
    }

    [TestCase(10, 3)]
    [TestCase(StoreFanOut.Capacity + 10, StoreFanOut.Capacity + 3)]
    public async Task A_consumer_that_stops_reading_before_the_last_record_fails_the_fan_out_naming_its_channel(int count, int stopAfter)
    {
        var all = new List<string>();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StoreFanOut.RunAsync(
            Products(count),
            [Collect("b", all), new FanOutConsumer("a", async (records, ct) =>
            {
                var read = 0;
                await foreach (var _ in records.WithCancellation(ct))
                {
                    if (++read == stopAfter)
                    {
                        return;
                    }
                }
            })],
            CancellationToken.None));
        Assert.That(error!.Message, Does.Contain("channel 'a' stopped reading"));
    }

    private static FanOutConsumer Collect(string channel, List<string> into) => new(channel, async (records, ct) =>
    {
        await foreach (var record in records.WithCancellation(ct))
        {
            into.Add(record.Sku);
        }
    });
}
