using ProductFlow.Store;
using ProductFlow.Store.Sqlite;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Events;

/// <summary>The outbox contract against the embedded SQLite store, a fresh file per test.</summary>
public class SqliteEventOutboxTests : EventOutboxContractTests
{
    private TempDirectory? _dir;

    protected override Task<IProductStore> OpenEmptyStoreAsync()
    {
        _dir = new TempDirectory();
        return Task.FromResult<IProductStore>(SqliteProductStore.Open(_dir.Path));
    }

    [TearDown]
    public void DeleteFolder() => _dir?.Dispose();
}
