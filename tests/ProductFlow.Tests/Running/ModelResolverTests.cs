using ProductFlow.Mapping;
using ProductFlow.Model;
using ProductFlow.Running;
using ProductFlow.Store;
using ProductFlow.Store.Sqlite;
using ProductFlow.Tests.Store;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Running;

/// <summary>How a run finds the product models above its records: its own first, then the store's, which it asks only for a code among its models.</summary>
public class ModelResolverTests
{
    private TempDirectory _dir = null!;
    private SqliteProductStore _store = null!;

    [SetUp]
    public async Task SetUp()
    {
        _dir = new TempDirectory();
        _store = SqliteProductStore.Open(_dir.Path);
        await using var session = await _store.BeginAsync(new RunRecord { Id = "models", Pipeline = "test", Feed = new FeedInfo("product_models.csv", 1, "00"), Started = DateTimeOffset.UtcNow });
        await session.UpsertAsync(Model("M1", "Rain jacket"), []);
        await session.CommitAsync();
    }

    [TearDown]
    public async Task TearDown()
    {
        await _store.DisposeAsync();
        _dir.Dispose();
    }

    [Test]
    public async Task A_parent_that_is_none_of_the_stores_models_costs_no_lookup()
    {
        var store = new ModelLookups(_store);
        using var resolver = new ModelResolver(store);
        var records = new[] { Variant("V1", "M1"), Variant("V2", "X1"), Variant("V3", "X2"), Variant("V4", "M1") };

        foreach (var record in records)
        {
            await resolver.ResolveAsync(record, CancellationToken.None);
        }

        Assert.That(records.Select(r => r.Models?.Models[0].Sku), Is.EqualTo(new[] { "M1", null, null, "M1" }));
        Assert.That((store.Lookups, store.CodeReads), Is.EqualTo((1, 1)), "M1 looked up once; its codes read once");
    }

    [Test]
    public async Task A_model_the_run_accepts_is_changed_when_new_to_the_store_without_a_lookup_and_compared_when_stored()
    {
        var store = new ModelLookups(_store);
        using var resolver = new ModelResolver(store);

        await resolver.AcceptAsync(Model("N1", "New"), CancellationToken.None);
        await resolver.AcceptAsync(Model("M1", "Rain jacket"), CancellationToken.None);
        await resolver.AcceptAsync(Model("M2", "Other"), CancellationToken.None);

        Assert.That(resolver.Changed, Is.EquivalentTo(new[] { "N1", "M2" }));
        Assert.That(store.Lookups, Is.EqualTo(1), "M1 alone is among the store's models");
    }

    private static ProductRecord Model(string code, string name)
    {
        var model = new ProductRecord(code) { IsModel = true, Family = "jackets", Feed = "product_models.csv", Line = 2 };
        model.Values.Add(Some.Value("name", name, "en_US"));
        return model;
    }

    private static MappedRecord Variant(string sku, string parent)
    {
        var record = Some.Record(sku, ("price", "1"));
        record.Parent = parent;
        return Some.Mapped(record);
    }

    /// <summary>Counts the store's model lookups and reads of its models' codes.</summary>
    private sealed class ModelLookups(IProductStore inner) : ProductStoreDecorator(inner)
    {
        public int Lookups { get; private set; }

        public int CodeReads { get; private set; }

        public override Task<StoredProduct?> FindModelAsync(string code, CancellationToken cancellationToken = default)
        {
            Lookups++;
            return base.FindModelAsync(code, cancellationToken);
        }

        public override IAsyncEnumerable<string> ReadModelCodesAsync(CancellationToken cancellationToken = default)
        {
            CodeReads++;
            return base.ReadModelCodesAsync(cancellationToken);
        }
    }
}
