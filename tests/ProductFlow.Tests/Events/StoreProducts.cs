using ProductFlow.Store;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Events;

/// <summary>Stores a few priced and named products in one committed session, as a run would.</summary>
internal static class StoreProducts
{
    public static async Task StoreAsync(IProductStore store, params (string Sku, string Price)[] products)
    {
        await using var session = await store.BeginAsync(new RunRecord { Id = Guid.NewGuid().ToString("N"), Pipeline = "test", Feed = new FeedInfo("feed.csv", 1, "00"), Started = DateTimeOffset.UtcNow });
        foreach (var (sku, price) in products)
        {
            var record = Some.Record(sku, ("price", price));
            record.Values.Add(Some.Value("name", "Name " + sku, "en_US"));
            await session.UpsertAsync(record, []);
        }

        await session.CommitAsync();
    }
}
