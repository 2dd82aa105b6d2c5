using ProductFlow.Store;
using ProductFlow.Store.Sqlite;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Store;

/// <summary>The store contract against the embedded SQLite store, a fresh file per test; once more with sessions written in the background, as a run writes them.</summary>
[TestFixture(false)]
[TestFixture(true)]
public class SqliteProductStoreTests(bool background) : ProductStoreContractTests
{
    private TempDirectory? _dir;

    protected override Task<IProductStore> OpenEmptyStoreAsync()
    {
        _dir = new TempDirectory();
        var store = SqliteProductStore.Open(_dir.Path);
        return Task.FromResult<IProductStore>(background ? new BackgroundSessionStore(store) : store);
    }

    [TearDown]
    public void DeleteFolder() => _dir?.Dispose();

    [Test]
    [CancelAfter(60_000)]
    public async Task A_sku_new_to_the_store_upserted_again_in_its_session_gets_a_version_per_content_change()
    {
        CommitSummary summary;
        await using (var session = await Store.BeginAsync(Run(), cancellationToken: Token))
        {
            // The session's SKU map holds the store as the session found it: N is not in it, whichever upsert this is.
            foreach (var price in new[] { "1", "2", "2", "1" })
            {
                await session.UpsertAsync(Some.Record("N", ("price", price)), [], Token);
            }

            summary = await session.CommitAsync(Token);
        }

        Assert.That(summary, Is.EqualTo(new CommitSummary(1, 2, 1)));
        Assert.That((await HistoryAsync("N")).Select(v => (v.Version, ProductDocument.Read(v.Document).Values.Single().Data)), Is.EqualTo(new[] { (1, "1"), (2, "2"), (3, "1") }));
        Assert.That(await UpsertAsync(Some.Record("N", ("price", "1"))), Is.EqualTo(new CommitSummary(0, 0, 1)), "the next session finds N in the store, unchanged");
    }
}
