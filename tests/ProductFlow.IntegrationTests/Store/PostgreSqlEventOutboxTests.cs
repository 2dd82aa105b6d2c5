using ProductFlow.IntegrationTests.Support;
using ProductFlow.PostgreSql;
using ProductFlow.Store;
using ProductFlow.Tests.Events;

namespace ProductFlow.IntegrationTests.Store;

/// <summary>The outbox contract against PostgreSQL: one database for the fixture, emptied before each test.</summary>
[NonParallelizable]
public class PostgreSqlEventOutboxTests : EventOutboxContractTests
{
    private string? _database;

    [OneTimeSetUp]
    public async Task CreateDatabase() => _database = await PostgreSqlServer.CreateDatabaseAsync("outbox");

    [OneTimeTearDown]
    public async Task DropDatabase()
    {
        if (_database is not null)
        {
            await PostgreSqlServer.DropDatabaseAsync(_database);
        }
    }

    protected override async Task<IProductStore> OpenEmptyStoreAsync()
    {
        await PostgreSqlServer.TruncateAsync(_database!);
        return await PostgreSqlProductStore.OpenAsync(_database!);
    }
}
