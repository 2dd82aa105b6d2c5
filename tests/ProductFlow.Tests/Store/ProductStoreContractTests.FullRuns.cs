using ProductFlow.Model;
using ProductFlow.Store;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Store;

/// <summary>The contract of full runs (removals, tombstones, the mass-delete guard) and of the change feed.</summary>
public abstract partial class ProductStoreContractTests
{
    private static readonly SessionOptions FullWithoutGuard = new() { Full = true, MaxRemovedShare = null };

    [Test]
    [CancelAfter(60_000)]
    public async Task A_full_session_marks_the_sources_missing_skus_removed_with_a_tombstone_version()
    {
        await UpsertManyAsync(Run(), "A", "B", "C");

        var summary = await UpsertManyAsync(Run(), FullWithoutGuard, "A");

        Assert.That(summary, Is.EqualTo(new CommitSummary(0, 0, 1) { Removed = 2 }));
        Assert.That((await ChannelAsync("partner")).Select(r => r.Sku), Is.EqualTo(new[] { "A" }));
        var history = await HistoryAsync("B");
        Assert.That(history.Select(v => (v.Version, v.Removed)), Is.EqualTo(new[] { (1, false), (2, true) }));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_full_session_leaves_other_sources_and_its_quarantined_skus()
    {
        await UpsertManyAsync(Run(pipeline: "erp"), "E");
        await UpsertManyAsync(Run(), "A", "Q");

        CommitSummary summary;
        await using (var session = await Store.BeginAsync(Run(), FullWithoutGuard, cancellationToken: Token))
        {
            await session.UpsertAsync(Some.Record("A", ("price", "1")), [], Token);
            await session.QuarantineAsync(Rejected("Q"), Token);
            summary = await session.CommitAsync(Token);
        }

        Assert.That(summary.Removed, Is.Zero);
        Assert.That((await ChannelAsync("partner")).Select(r => r.Sku), Is.EqualTo(new[] { "A", "E", "Q" }));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task The_mass_delete_guard_refuses_a_full_session_and_nothing_of_it_is_committed()
    {
        var skus = Enumerable.Range(0, 10).Select(i => $"S{i}").ToArray();
        await UpsertManyAsync(Run(), skus);

        CommitSummary summary;
        await using (var session = await Store.BeginAsync(Run(), new SessionOptions { Full = true, MaxRemovedShare = 0.1 }, cancellationToken: Token))
        {
            await session.UpsertAsync(Some.Record("S0", ("price", "2")), [], Token);
            await session.UpsertAsync(Some.Record("S1", ("price", "1")), [], Token);
            summary = await session.CommitAsync(Token);
        }

        Assert.That(summary.Refused, Is.EqualTo(new RemovalGuard(8, 10, 0.1)));
        Assert.That(await ChannelAsync("partner"), Has.Count.EqualTo(10));
        Assert.That(await HistoryAsync("S0"), Has.Count.EqualTo(1), "the change of S0 is not committed either");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_removed_sku_that_comes_back_gets_a_new_version_even_with_the_same_content()
    {
        await UpsertManyAsync(Run(), "A", "B");
        await UpsertManyAsync(Run(), FullWithoutGuard, "A");

        var back = await UpsertManyAsync(Run(), "B");

        Assert.That(back, Is.EqualTo(new CommitSummary(0, 1, 0)));
        Assert.That((await HistoryAsync("B")).Select(v => v.Removed), Is.EqualTo(new[] { false, true, false }));
        Assert.That((await ChannelAsync("partner")).Select(r => r.Sku), Is.EqualTo(new[] { "A", "B" }));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task The_change_feed_gives_changed_disabled_and_removed_products_after_a_checkpoint_in_commit_order()
    {
        await UpsertManyAsync(Run(), "A", "B");
        var first = await ChangesAsync(0);
        var checkpoint = first[^1].Sequence;
        var disabled = Some.Record("B", ("price", "1"));
        disabled.Enabled = false;
        await UpsertAsync(disabled);
        await using (var full = await Store.BeginAsync(Run(), FullWithoutGuard, cancellationToken: Token))
        {
            await full.UpsertAsync(disabled, [], Token);
            await full.UpsertAsync(Some.Record("C", ("price", "1")), [], Token);
            await full.CommitAsync(Token);
        }

        var changes = await ChangesAsync(checkpoint);

        Assert.That(first.Select(c => (c.Record.Sku, c.Kind)), Is.EqualTo(new[] { ("A", ChangeKind.Changed), ("B", ChangeKind.Changed) }));
        Assert.That(changes.Select(c => (c.Record.Sku, c.Kind)), Is.EqualTo(new[] { ("B", ChangeKind.Disabled), ("C", ChangeKind.Changed), ("A", ChangeKind.Removed) }));
        Assert.That(changes.Select(c => c.Sequence), Is.Ordered.Ascending.And.All.GreaterThan(checkpoint));
        Assert.That(await ChangesAsync(changes[^1].Sequence), Is.Empty);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task The_position_moves_with_every_change_a_channel_sees_names_that_change_and_stays_when_a_run_changes_nothing()
    {
        Assert.That(await Store.PositionAsync(Token), Is.EqualTo(StorePosition.Empty), "an empty store");
        await UpsertManyAsync(Run(), "A", "B");
        var stored = await Store.PositionAsync(Token);
        Assert.That(stored.Sequence, Is.EqualTo((await ChangesAsync(0)).Max(c => c.Sequence)));
        Assert.That(stored.Latest, Does.Match("^B v1 [0-9a-f]{16}$"));

        await UpsertManyAsync(Run(), "A", "B");
        await using (var session = await Store.BeginAsync(Run(), cancellationToken: Token))
        {
            await session.QuarantineAsync(Rejected("Q"), Token);
            await session.CommitAsync(Token);
        }

        Assert.That(await Store.PositionAsync(Token), Is.EqualTo(stored), "the same content again, and a quarantined SKU");
        await UpsertAsync(Some.Record("A", ("price", "1")), blocked: ["partner"]);
        var blocked = await Store.PositionAsync(Token);
        Assert.That(blocked.Sequence, Is.GreaterThan(stored.Sequence), "A blocked on a channel");
        Assert.That(blocked.Latest, Does.Match("^A v1 [0-9a-f]{16}$"), "the same version of A");
        await UpsertAsync(Some.Record("B", ("price", "2")));
        var changed = await Store.PositionAsync(Token);
        Assert.That(changed.Sequence, Is.GreaterThan(blocked.Sequence), "B changed");
        Assert.That(changed.Latest, Does.Match("^B v2 [0-9a-f]{16}$").And.Not.EqualTo(stored.Latest.Replace("v1", "v2", StringComparison.Ordinal)));
        await UpsertManyAsync(Run(), FullWithoutGuard, "B");
        var removed = await Store.PositionAsync(Token);
        Assert.That((removed.Sequence > changed.Sequence, removed.Latest[..5]), Is.EqualTo((true, "A v2 ")), "A removed");
    }

    private Task<CommitSummary> UpsertManyAsync(RunRecord run, params string[] skus) => UpsertManyAsync(run, SessionOptions.Partial, skus);

    private async Task<CommitSummary> UpsertManyAsync(RunRecord run, SessionOptions options, params string[] skus)
    {
        await using var session = await Store.BeginAsync(run, options, cancellationToken: Token);
        foreach (var sku in skus)
        {
            await session.UpsertAsync(Some.Record(sku, ("price", "1")), [], Token);
        }

        return await session.CommitAsync(Token);
    }

    private async Task<List<ProductChange>> ChangesAsync(long since)
    {
        var changes = new List<ProductChange>();
        await foreach (var change in Store.ReadChangesAsync(since, Token))
        {
            changes.Add(change);
        }

        return changes;
    }
}
