using ProductFlow.Model;
using ProductFlow.Store;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Store;

// Retention: closed quarantine entries go by age; open entries, products and their history stay.
public abstract partial class ProductStoreContractTests
{
    [Test]
    [CancelAfter(60_000)]
    public async Task Purging_deletes_the_entries_closed_by_runs_started_before_the_age_and_keeps_open_entries_and_history()
    {
        var day = DateTimeOffset.UnixEpoch.AddYears(56);
        var rejecting = Run("20260101T000000Z-000001", day);
        await Store.SaveRunAsync(rejecting, cancellationToken: Token);
        await using (var session = await Store.BeginAsync(rejecting, cancellationToken: Token))
        {
            await session.QuarantineAsync(Rejected("B", line: 7), Token);
            await session.QuarantineAsync(Rejected("C", line: 8), Token);
            await session.QuarantineAsync(Rejected("D", line: 9), Token);
            await session.CommitAsync(Token);
        }

        var early = Run("20260110T000000Z-000002", day.AddDays(10));
        var late = Run("20260120T000000Z-000003", day.AddDays(20));
        await Store.SaveRunAsync(early, cancellationToken: Token);
        await Store.SaveRunAsync(late, cancellationToken: Token);
        await UpsertAsync(Some.Record("B", ("price", "1")), run: early);
        await UpsertAsync(Some.Record("C", ("price", "1")), run: late);

        var purged = await Store.PurgeClosedQuarantineAsync(day.AddDays(15), Token);
        var again = await Store.PurgeClosedQuarantineAsync(day.AddDays(15), Token);

        var left = new List<QuarantineEntry>();
        await foreach (var entry in Store.ReadQuarantineAsync(includeClosed: true, Token))
        {
            left.Add(entry);
        }

        Assert.That((purged, again), Is.EqualTo((1L, 0L)));
        Assert.That(left.Select(e => (e.Sku, e.ClosedBy)), Is.EqualTo(new[] { ("C", late.Id), ("D", (string?)null) }));
        Assert.That((await HistoryAsync("B")).Select(v => v.RunId), Is.EqualTo(new[] { early.Id }), "the product's history is kept");
        Assert.That(await Store.FindRunAsync(rejecting.Id, Token), Is.Not.Null, "and the runs");
    }
}
