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
}
