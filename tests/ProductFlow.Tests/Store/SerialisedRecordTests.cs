using ProductFlow.Model;
using ProductFlow.Store;
using ProductFlow.Store.Sqlite;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Store;

public class SerialisedRecordTests
{
    [Test]
    public void A_copy_made_ahead_keeps_its_content_and_lineage_when_the_document_writes_the_next_record()
    {
        var document = new ProductDocument();
        var first = Some.Record("A-1", ("name", "First"), ("price", "1"));
        var copy = SerialisedRecord.Of(document, first, "demo");
        var content = document.Content.ToArray();
        var lineage = document.Lineage.ToArray();

        _ = SerialisedRecord.InPlace(document, Some.Record("B-2", ("name", "A longer second name"), ("price", "22")), "demo");

        Assert.That(copy.Content.ToArray(), Is.EqualTo(content));
        Assert.That(copy.Lineage.ToArray(), Is.EqualTo(lineage));
        Assert.That(copy.Hash, Is.EqualTo(Written(first, "demo").Hash));
        copy.Release();
        copy.Release(); // a second release gives nothing back twice
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Records_serialised_ahead_and_in_place_are_each_stored_with_their_own_document_and_lineage(CancellationToken token)
    {
        using var dir = new TempDirectory();
        var records = Enumerable.Range(0, 40).Select(i => Some.Record($"SKU-{i}", ("name", new string('n', i)), ("price", $"{i}"))).ToList();
        await using (var store = SqliteProductStore.Open(dir.Path))
        {
            await using var session = (ISerialisingSession)await store.BeginAsync(Run(), cancellationToken: token);

            // Every other record serialised ahead, all of them before the first is written (copies of one document, in pooled arrays),
            // the others by the session itself: as a run's two threads hand them over while the store's is behind.
            var ahead = new ProductDocument();
            var queued = records.Select((r, i) => (Record: r, Serialised: i % 2 == 0 ? session.SerialiseAhead(r, ahead) : null)).ToList();
            foreach (var (record, serialised) in queued)
            {
                await session.UpsertAsync(record, [], serialised, token);
            }

            _ = await session.CommitAsync(token);
        }

        await using (var store = SqliteProductStore.Open(dir.Path))
        {
            foreach (var record in records)
            {
                var expected = Written(record, "test");
                var stored = (await store.FindProductAsync(record.Sku, token))!;
                var version = await store.ReadHistoryAsync(record.Sku, token).SingleAsync(token);
                Assert.That(version.Document, Is.EqualTo(expected.Content.ToArray()), record.Sku);
                Assert.That(stored.Lineage, Is.EqualTo(expected.Lineage.ToArray()), record.Sku);
            }
        }
    }

    private static ProductDocument Written(ProductRecord record, string source)
    {
        var document = new ProductDocument();
        document.Write(record, source);
        return document;
    }

    private static RunRecord Run() => new()
    {
        Id = "20260101T000000Z-" + Guid.NewGuid().ToString("N")[..6],
        Pipeline = "test",
        Feed = new FeedInfo("feed.csv", 1, "abc"),
        Started = DateTimeOffset.UnixEpoch,
    };
}
