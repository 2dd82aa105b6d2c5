using ProductFlow.Mapping;
using ProductFlow.Model;
using ProductFlow.Store;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Store;

/// <summary>The <see cref="IProductStore"/> contract, run against every store: each subclass opens an empty store per test.</summary>
public abstract partial class ProductStoreContractTests
{
    private IProductStore? _store;

    protected IProductStore Store => _store ?? throw new InvalidOperationException("the store is not open");

    /// <summary>The test's token: [CancelAfter] cancels it, so a hang in the store fails the test.</summary>
    protected static CancellationToken Token => TestContext.CurrentContext.CancellationToken;

    /// <summary>Opens the store under test, empty.</summary>
    protected abstract Task<IProductStore> OpenEmptyStoreAsync();

    [SetUp]
    public async Task OpenStore() => _store = await OpenEmptyStoreAsync();

    [TearDown]
    public async Task CloseStore()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
            _store = null;
        }
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Upsert_creates_version_one_then_only_a_content_change_makes_a_new_version()
    {
        var first = await UpsertAsync(Some.Record("A", ("price", "10")));
        var same = await UpsertAsync(Some.Record("A", ("price", "10")));
        var changed = await UpsertAsync(Some.Record("A", ("price", "11")));

        Assert.That(first, Is.EqualTo(new CommitSummary(1, 0, 0)));
        Assert.That(same, Is.EqualTo(new CommitSummary(0, 0, 1)));
        Assert.That(changed, Is.EqualTo(new CommitSummary(0, 1, 0)));
        Assert.That((await HistoryAsync("A")).Select(v => v.Version), Is.EqualTo(new[] { 1, 2 }));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Lineage_and_value_order_are_not_content()
    {
        await UpsertAsync(Some.Record("A", ("price", "10"), ("color", "black")));
        var moved = new ProductRecord("A") { Family = "tshirts", Feed = "other.csv", Line = 99 };
        moved.Values.Add(new ProductValue("color", null, null, "black", ValueOrigin.FromCell("other.csv", 99, "c")));
        moved.Values.Add(new ProductValue("price", null, null, "10", ValueOrigin.FromRule("default")));

        Assert.That(await UpsertAsync(moved), Is.EqualTo(new CommitSummary(0, 0, 1)));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Each_version_keeps_its_run_time_document_and_lineage()
    {
        var run = Run("20260102T030405Z-aaaaaa", new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        await Store.SaveRunAsync(run, cancellationToken: Token);
        await UpsertAsync(Some.Record("A", ("price", "10")), run: run);

        var version = (await HistoryAsync("A")).Single();

        Assert.That((version.Version, version.RunId, version.At), Is.EqualTo((1, run.Id, run.Started)));
        Assert.That(ProductDocument.Read(version.Document).Values.Single().Data, Is.EqualTo("10"));
        Assert.That(System.Text.Encoding.UTF8.GetString(version.Lineage), Is.EqualTo("""{"feed":"feed.csv","line":2,"source":"test","values":["col"]}"""));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_session_disposed_without_commit_leaves_nothing()
    {
        await using (var session = await Store.BeginAsync(Run(), cancellationToken: Token))
        {
            await session.UpsertAsync(Some.Record("A", ("price", "10")), [], Token);
            await session.QuarantineAsync(Rejected("B"), Token);

            // More writes than a BackgroundStoreSession keeps queued: some reach the store's own session before the dispose.
            for (var i = 0; i < 2_000; i++)
            {
                await session.UpsertAsync(Some.Record($"S{i}", ("price", "10")), [], Token);
                await session.QuarantineAsync(Rejected($"R{i}", line: i + 3), Token);
            }
        }

        Assert.That(await ChannelAsync("partner"), Is.Empty);
        Assert.That(await HistoryAsync("A"), Is.Empty);
        Assert.That(await QuarantineAsync(), Is.Empty);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_channel_reads_enabled_unblocked_products_in_sku_order_with_their_values()
    {
        await UpsertAsync(Some.Record("B", ("price", "2")));
        await UpsertAsync(Some.Record("A", ("price", "1")));
        await UpsertAsync(Some.Record("C", ("price", "3")), blocked: ["partner"]);
        var disabled = Some.Record("D", ("price", "4"));
        disabled.Enabled = false;
        await UpsertAsync(disabled);
        await UpsertAsync(Some.Record("a", ("price", "5")));

        var partner = await ChannelAsync("partner");
        var web = await ChannelAsync("web");

        Assert.That(partner.Select(r => (r.Sku, r.Values.Single().Data)), Is.EqualTo(new[] { ("A", "1"), ("B", "2"), ("a", "5") }));
        Assert.That(web.Select(r => r.Sku), Is.EqualTo(new[] { "A", "B", "C", "a" }));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_channel_is_read_grouped_by_model_then_sku_in_code_point_order()
    {
        await UpsertAsync(Variant("B-2", "M2"));
        await UpsertAsync(Variant("A-1", "M2"));
        await UpsertAsync(Some.Record("M1", ("price", "1")));
        await UpsertAsync(Variant("Z-1", "M1"));
        await UpsertAsync(Some.Record("M3", ("price", "1")));
        await UpsertAsync(Some.Record("\uFF21", ("price", "1")));
        await UpsertAsync(Some.Record("\U0001F600", ("price", "1")));

        var skus = (await ChannelAsync("web")).Select(r => r.Sku).ToList();

        Assert.That(skus, Is.EqualTo(new[] { "M1", "Z-1", "A-1", "B-2", "M3", "\uFF21", "\U0001F600" }));
        var pairs = (await ChannelAsync("web")).Select(r => (Group: ProductFlow.Channels.ChannelOrder.GroupOf(r), r.Sku)).ToList();
        Assert.That(pairs.Zip(pairs.Skip(1)).All(p => ProductFlow.Channels.ChannelOrder.Compare(p.First.Group, p.First.Sku, p.Second.Group, p.Second.Sku) < 0));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task The_publishable_read_gives_every_enabled_product_once_in_channel_order_with_the_channels_it_is_blocked_on()
    {
        await UpsertAsync(Variant("B-2", "M"), blocked: ["web", "partner"]);
        await UpsertAsync(Variant("B-1", "M"));
        await UpsertAsync(Some.Record("A", ("price", "1")), blocked: ["partner"]);
        var disabled = Some.Record("D", ("price", "4"));
        disabled.Enabled = false;
        await UpsertAsync(disabled);

        var products = new List<PublishableProduct>();
        await foreach (var product in Store.ReadPublishableAsync(Token))
        {
            products.Add(product);
        }

        Assert.That(products.Select(p => (p.Record.Sku, p.Blocked)), Is.EqualTo(new[] { ("A", "|partner|"), ("B-1", ""), ("B-2", "|partner|web|") }));
        Assert.That(products.Select(p => (p.IsBlockedOn("partner"), p.IsBlockedOn("web"), p.IsBlockedOn("part"))), Is.EqualTo(new[] { (true, false, false), (false, false, false), (true, true, false) }));
        Assert.That(products.Select(p => p.Checked), Is.All.EqualTo("|b2b|google|outlet|partner|shopify|web|"));
        Assert.That(products[2].Record.Values.Single().Data, Is.EqualTo("1"));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_channel_publishes_only_the_products_a_run_checked_for_it()
    {
        var partnerOnly = Some.Record("A", ("price", "1"));
        partnerOnly.Notes = new ProductNotes(["partner"], []);
        var none = Some.Record("B", ("price", "2"));
        none.Notes = new ProductNotes([], []);
        await UpsertAsync(partnerOnly);
        await UpsertAsync(none);

        Assert.That((await ChannelAsync("partner")).Select(r => r.Sku), Is.EqualTo(new[] { "A" }));
        Assert.That(await ChannelAsync("web"), Is.Empty);

        // The same content, now checked for web as well: no new version, and web publishes it.
        var both = Some.Record("A", ("price", "1"));
        both.Notes = new ProductNotes(["partner", "web"], []);
        var summary = await UpsertAsync(both);

        Assert.That(summary, Is.EqualTo(new CommitSummary(0, 0, 1)));
        Assert.That((await ChannelAsync("web")).Select(r => r.Sku), Is.EqualTo(new[] { "A" }));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Blocking_a_channel_without_a_content_change_makes_no_version_but_takes_effect()
    {
        await UpsertAsync(Some.Record("A", ("price", "1")));
        var summary = await UpsertAsync(Some.Record("A", ("price", "1")), blocked: ["partner"]);

        Assert.That(summary, Is.EqualTo(new CommitSummary(0, 0, 1)));
        Assert.That(await ChannelAsync("partner"), Is.Empty);
        Assert.That(await HistoryAsync("A"), Has.Count.EqualTo(1));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_product_is_found_with_values_lineage_blocking_and_notes_and_notes_make_no_version()
    {
        await UpsertAsync(Some.Record("A", ("price", "1")));
        var noted = Some.Record("A", ("price", "1"));
        noted.Notes = new ProductNotes(["partner"], [new Issue(Severity.Error, "schema", "channel 'partner': name is missing") { Channel = "partner", Field = "name" }])
        {
            Completeness = [new CompletenessScore("partner", "en_US", 2, 3)],
        };
        var summary = await UpsertAsync(noted, blocked: ["partner"]);

        var found = await Store.FindProductAsync("A", Token);

        Assert.That(summary, Is.EqualTo(new CommitSummary(0, 0, 1)));
        Assert.That((found!.Version, found.Removed, found.BlockedChannels), Is.EqualTo((1, false, new[] { "partner" })));
        Assert.That(found.Record.Values.Single().Data, Is.EqualTo("1"));
        Assert.That(found.Record.Notes.Channels, Is.EqualTo(new[] { "partner" }));
        Assert.That(found.Record.Notes.Issues.Single(), Is.EqualTo(noted.Notes.Issues[0]));
        Assert.That(found.Record.Notes.Completeness, Is.EqualTo(noted.Notes.Completeness));
        Assert.That(VersionDiff.ReadLineage(found.Lineage).Single()!.Column, Is.EqualTo("col"));
        Assert.That(await Store.FindProductAsync("B", Token), Is.Null);

        await UpsertAsync(Some.Record("A", ("price", "1")));
        var cleared = await Store.FindProductAsync("A", Token);
        Assert.That((cleared!.Version, cleared.BlockedChannels.Count, cleared.Record.Notes.Issues.Count, cleared.Record.Notes.Completeness.Count), Is.EqualTo((1, 0, 0, 0)));
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task A_session_larger_than_a_batch_commits_every_record_once()
    {
        await using (var session = await Store.BeginAsync(Run(), cancellationToken: Token))
        {
            for (var i = 0; i < 12_345; i++)
            {
                await session.UpsertAsync(Some.Record($"SKU-{i:D6}", ("price", "1")), [], Token);
            }

            Assert.That(await session.CommitAsync(Token), Is.EqualTo(new CommitSummary(12_345, 0, 0)));
        }

        var channel = await ChannelAsync("partner");
        Assert.That(channel, Has.Count.EqualTo(12_345));
        Assert.That(channel.Select(r => r.Sku), Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Within_a_session_the_last_upsert_of_a_sku_wins_even_batches_apart()
    {
        await UpsertAsync(Some.Record("A", ("price", "1")));
        await using (var session = await Store.BeginAsync(Run(), cancellationToken: Token))
        {
            await session.UpsertAsync(Some.Record("A", ("price", "2")), [], Token);
            for (var i = 0; i < 6_000; i++)
            {
                await session.UpsertAsync(Some.Record($"SKU-{i:D6}", ("price", "1")), [], Token);
            }

            await session.UpsertAsync(Some.Record("A", ("price", "3")), [], Token);
            await session.CommitAsync(Token);
        }

        var a = (await Store.FindProductAsync("A", Token))!;
        Assert.That(a.Record.Values.Single().Data, Is.EqualTo("3"));
        Assert.That((await HistoryAsync("A")).Select(v => ProductDocument.Read(v.Document).Values.Single().Data).Last(), Is.EqualTo("3"));
        Assert.That(await ChannelAsync("partner"), Has.Count.EqualTo(6_001));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Quarantine_keeps_rejected_records_per_run_with_issues_and_source()
    {
        var run = Run();
        await Store.SaveRunAsync(run, cancellationToken: Token);
        await using (var session = await Store.BeginAsync(run, cancellationToken: Token))
        {
            await session.QuarantineAsync(Rejected("B", line: 7), Token);
            await session.QuarantineAsync(Rejected("", line: 3), Token);
            await session.CommitAsync(Token);
        }

        var entries = await QuarantineAsync();

        Assert.That(entries.Select(e => (e.RunId, e.Line, e.Sku)), Is.EqualTo(new[] { (run.Id, 3L, (string?)null), (run.Id, 7L, "B") }));
        Assert.That(entries[1].Issues, Does.Contain("required"));
        Assert.That(entries[1].Source, Does.Contain("\"price\":\"z\""));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_sku_quarantined_again_keeps_one_open_entry_the_latest()
    {
        var first = Run("20260101T000000Z-000001", DateTimeOffset.UnixEpoch.AddDays(1));
        var second = Run("20260101T000000Z-000002", DateTimeOffset.UnixEpoch.AddDays(2));
        foreach (var (run, line) in new[] { (first, 7L), (second, 9L) })
        {
            await Store.SaveRunAsync(run, cancellationToken: Token);
            await using var session = await Store.BeginAsync(run, cancellationToken: Token);
            await session.QuarantineAsync(Rejected("B", line: line), Token);
            await session.CommitAsync(Token);
        }

        var open = await QuarantineAsync();

        Assert.That(open.Select(e => (e.RunId, e.Line, e.Sku)), Is.EqualTo(new[] { (second.Id, 9L, "B") }));
        var all = new List<QuarantineEntry>();
        await foreach (var entry in Store.ReadQuarantineAsync(includeClosed: true, Token))
        {
            all.Add(entry);
        }

        Assert.That(all.Select(e => (e.RunId, e.ClosedBy)), Is.EqualTo(new[] { (second.Id, (string?)null), (first.Id, second.Id) }));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_quarantine_entry_closes_when_a_later_run_accepts_its_sku()
    {
        var rejecting = Run("20260101T000000Z-000001", DateTimeOffset.UnixEpoch.AddDays(1));
        await Store.SaveRunAsync(rejecting, cancellationToken: Token);
        await using (var session = await Store.BeginAsync(rejecting, cancellationToken: Token))
        {
            await session.QuarantineAsync(Rejected("B", line: 7), Token);
            await session.QuarantineAsync(Rejected("C", line: 8), Token);
            await session.CommitAsync(Token);
        }

        var accepting = Run("20260101T000000Z-000002", DateTimeOffset.UnixEpoch.AddDays(2));
        await Store.SaveRunAsync(accepting, cancellationToken: Token);
        await UpsertAsync(Some.Record("B", ("price", "1")), run: accepting);

        var open = await QuarantineAsync();
        var all = new List<QuarantineEntry>();
        await foreach (var entry in Store.ReadQuarantineAsync(includeClosed: true, Token))
        {
            all.Add(entry);
        }

        Assert.That(open.Select(e => e.Sku), Is.EqualTo(new[] { "C" }));
        Assert.That(all.Select(e => (e.Sku, e.ClosedBy)), Is.EqualTo(new[] { ("B", accepting.Id), ("C", (string?)null) }));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Sku_search_finds_stored_and_open_quarantined_skus_by_ordinal_prefix_each_once_in_order()
    {
        var rejecting = Run("20260101T000000Z-000001", DateTimeOffset.UnixEpoch.AddDays(1));
        await Store.SaveRunAsync(rejecting, cancellationToken: Token);
        await using (var session = await Store.BeginAsync(rejecting, cancellationToken: Token))
        {
            await session.QuarantineAsync(Rejected("TS-1003", line: 7), Token);
            await session.QuarantineAsync(Rejected("TS-1001", line: 8), Token);
            await session.QuarantineAsync(Rejected("TS-1009", line: 9), Token);
            await session.CommitAsync(Token);
        }

        var accepting = Run("20260101T000000Z-000002", DateTimeOffset.UnixEpoch.AddDays(2));
        await Store.SaveRunAsync(accepting, cancellationToken: Token);
        await using (var session = await Store.BeginAsync(accepting, cancellationToken: Token))
        {
            foreach (var sku in new[] { "TS-1001", "TS-1002", "TS-1009", "ts-1004", "TS-10\u00e9", "TS-2001", "TS" })
            {
                await session.UpsertAsync(Some.Record(sku, ("price", "1")), [], Token);
            }

            await session.CommitAsync(Token);
        }

        Assert.That(await SkusAsync("TS-10", 10), Is.EqualTo(new[] { "TS-1001", "TS-1002", "TS-1003", "TS-1009", "TS-10\u00e9" }));
        Assert.That(await SkusAsync("TS-10", 2), Is.EqualTo(new[] { "TS-1001", "TS-1002" }));
        Assert.That(await SkusAsync("TS-100", 10), Is.EqualTo(new[] { "TS-1001", "TS-1002", "TS-1003", "TS-1009" }), "TS-1009 once: stored, its entry closed");
        Assert.That(await SkusAsync("ts", 10), Is.EqualTo(new[] { "ts-1004" }), "case matters");
        Assert.That(await SkusAsync("X", 10), Is.Empty);
        Assert.That(await SkusAsync("%", 10), Is.Empty, "no pattern characters");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task Runs_are_saved_updated_and_listed_latest_first()
    {
        var older = Run("20260101T000000Z-000001", DateTimeOffset.UnixEpoch.AddDays(1));
        var newer = Run("20260101T000000Z-000002", DateTimeOffset.UnixEpoch.AddDays(2));
        await Store.SaveRunAsync(older, cancellationToken: Token);
        await Store.SaveRunAsync(newer, cancellationToken: Token);
        older.Status = RunStatus.Completed;
        older.Finished = older.Started.AddSeconds(3);
        older.Counts.Read = 5;
        older.Counts.Changed = 4;
        older.Counts.Removed = 2;
        older.Report = "/reports/x";
        await Store.SaveRunAsync(older, cancellationToken: Token);

        var runs = new List<RunRecord>();
        await foreach (var run in Store.ReadRunsAsync(Token))
        {
            runs.Add(run);
        }

        var found = await Store.FindRunAsync(older.Id, Token);
        Assert.That(runs.Select(r => r.Id), Is.EqualTo(new[] { newer.Id, older.Id }));
        Assert.That(found, Is.Not.Null);
        Assert.That(
            (found!.Status, found.Finished, found.Counts.Read, found.Counts.Changed, found.Counts.Removed, found.Report, found.Feed),
            Is.EqualTo((RunStatus.Completed, older.Finished, 5L, 4L, 2L, "/reports/x", older.Feed)));
        Assert.That(await Store.FindRunAsync("no-such-run", Token), Is.Null);
    }

    protected static RunRecord Run(string? id = null, DateTimeOffset? started = null, string pipeline = "test") => new()
    {
        Id = id ?? "20260101T000000Z-" + Guid.NewGuid().ToString("N")[..6],
        Pipeline = pipeline,
        Feed = new FeedInfo("feed.csv", 1, "abc"),
        Started = started ?? DateTimeOffset.UnixEpoch,
    };

    protected static MappedRecord Rejected(string sku, long line = 2)
    {
        var mapped = Some.Mapped(new ProductRecord(sku) { Feed = "feed.csv", Line = line });
        mapped.AddIssue(new Issue(Severity.Error, "required", "price is required") { Sku = sku, Feed = "feed.csv", Line = line });
        return mapped;
    }

    protected async Task<CommitSummary> UpsertAsync(ProductRecord record, string[]? blocked = null, RunRecord? run = null)
    {
        await using var session = await Store.BeginAsync(run ?? Run(), cancellationToken: Token);
        await session.UpsertAsync(record, blocked ?? [], Token);
        return await session.CommitAsync(Token);
    }

    private static ProductRecord Variant(string sku, string model)
    {
        var record = Some.Record(sku, ("price", "1"));
        record.Parent = model;
        return record;
    }

    protected async Task<List<ProductRecord>> ChannelAsync(string channel)
    {
        var records = new List<ProductRecord>();
        await foreach (var record in Store.ReadChannelAsync(channel, Token))
        {
            records.Add(record);
        }

        return records;
    }

    private async Task<List<string>> SkusAsync(string prefix, int limit)
    {
        var skus = new List<string>();
        await foreach (var sku in Store.FindSkusAsync(prefix, limit, Token))
        {
            skus.Add(sku);
        }

        return skus;
    }

    protected async Task<List<StoredVersion>> HistoryAsync(string sku)
    {
        var versions = new List<StoredVersion>();
        await foreach (var version in Store.ReadHistoryAsync(sku, Token))
        {
            versions.Add(version);
        }

        return versions;
    }

    private async Task<List<QuarantineEntry>> QuarantineAsync()
    {
        var entries = new List<QuarantineEntry>();
        await foreach (var entry in Store.ReadQuarantineAsync(cancellationToken: Token))
        {
            entries.Add(entry);
        }

        return entries;
    }
}
