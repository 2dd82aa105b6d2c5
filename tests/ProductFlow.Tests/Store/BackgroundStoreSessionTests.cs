using ProductFlow.Mapping;
using ProductFlow.Model;
using ProductFlow.Store;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Store;

/// <summary>The decorator against a recording session; the store contract suite runs through it too (<see cref="SqliteProductStoreTests"/>).</summary>
public class BackgroundStoreSessionTests
{
    /// <summary>More writes than the channel holds: the caller has waited for the writer at least once.</summary>
    private const int MoreThanQueued = (BackgroundStoreSession.Capacity + 3) * BackgroundStoreSession.BatchSize;

    private static CancellationToken Token => TestContext.CurrentContext.CancellationToken;

    [Test]
    [CancelAfter(30_000)]
    public async Task Writes_reach_the_store_in_the_order_they_were_queued()
    {
        var inner = new RecordingStoreSession();
        var expected = new List<string>();
        await using (var session = BackgroundStoreSession.Start(inner, Token))
        {
            for (var i = 0; i < MoreThanQueued; i++)
            {
                if (i % 7 == 3)
                {
                    await session.QuarantineAsync(Rejected(i), Token);
                    expected.Add("q" + i);
                }
                else
                {
                    await session.UpsertAsync(Some.Record($"S{i}"), [], Token);
                    expected.Add($"S{i}");
                }
            }

            await session.CommitAsync(Token);
        }

        Assert.That(inner.Writes, Is.EqualTo(expected));
        Assert.That((inner.Committed, inner.Disposed), Is.EqualTo((true, true)));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task While_the_writer_is_behind_the_caller_serialises_what_it_queues_on_its_own_thread()
    {
        var gate = new TaskCompletionSource();
        var inner = new SerialisingSession { Gate = gate.Task };
        var callers = new HashSet<int>();
        await using (var session = BackgroundStoreSession.Start(inner, Token))
        {
            // The writer waits at its first record: the batches after it wait in the channel, the writer behind.
            var queued = Task.Run(
                async () =>
                {
                    for (var i = 0; i < MoreThanQueued; i++)
                    {
                        lock (callers)
                        {
                            callers.Add(Environment.CurrentManagedThreadId);
                        }

                        await session.UpsertAsync(Some.Record($"S{i}"), [], Token);
                    }
                },
                Token);
            await Task.Delay(200, Token);
            gate.SetResult();
            await queued;
            await session.CommitAsync(Token);
        }

        Assert.That(inner.Ahead, Has.Count.GreaterThanOrEqualTo(BackgroundStoreSession.BatchSize), "records serialised by the caller");
        Assert.That(inner.AheadOn, Is.SubsetOf(callers), "on the caller's threads");
        Assert.That(inner.Ahead.Concat(inner.ByWriter).Order(StringComparer.Ordinal), Is.EqualTo(Enumerable.Range(0, MoreThanQueued).Select(i => $"S{i}").Order(StringComparer.Ordinal)), "each record serialised once");
        Assert.That(inner.Written, Is.EqualTo(Enumerable.Range(0, MoreThanQueued).Select(i => $"S{i}")), "written in order");
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task While_the_writer_keeps_up_it_serialises_the_records_itself()
    {
        var inner = new SerialisingSession();
        await using (var session = BackgroundStoreSession.Start(inner, Token))
        {
            await UpsertAsync(session, BackgroundStoreSession.BatchSize - 1); // less than a batch: none handed over yet, the writer waiting
            await session.CommitAsync(Token);
        }

        Assert.That(inner.Ahead, Is.Empty);
        Assert.That(inner.Written, Is.EqualTo(inner.ByWriter).And.EqualTo(Enumerable.Range(0, BackgroundStoreSession.BatchSize - 1).Select(i => $"S{i}")));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task A_failing_store_fails_a_later_upsert_and_the_commit_with_its_exception()
    {
        var inner = new RecordingStoreSession { FailAt = 10 };
        await using (var session = BackgroundStoreSession.Start(inner, Token))
        {
            // Bounded: the failure has to reach the caller within a channel's worth of writes, at the latest when it waits for room.
            Assert.That(async () => await UpsertAsync(session, 100 * MoreThanQueued), Throws.Exception.SameAs(inner.Failure));
            Assert.That(async () => await session.CommitAsync(Token), Throws.Exception.SameAs(inner.Failure));
        }

        Assert.That((inner.Writes.Count, inner.Committed, inner.Disposed), Is.EqualTo((10, false, true)));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task A_failure_of_the_last_writes_is_thrown_by_the_commit()
    {
        var inner = new RecordingStoreSession { FailAt = 3 };
        await using (var session = BackgroundStoreSession.Start(inner, Token))
        {
            await UpsertAsync(session, 3);

            Assert.That(async () => await session.CommitAsync(Token), Throws.Exception.SameAs(inner.Failure));
        }

        Assert.That((inner.Committed, inner.Disposed), Is.EqualTo((false, true)));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task A_caller_waiting_for_room_is_woken_by_the_failure_of_the_store()
    {
        var gate = new TaskCompletionSource();
        var inner = new RecordingStoreSession { Gate = gate.Task };
        await using var session = BackgroundStoreSession.Start(inner, Token);
        await UpsertAsync(session, BackgroundStoreSession.BatchSize);
        await inner.FirstWriteStarted;

        // The writer holds the first batch; the channel takes Capacity more; the last record of the one after waits for room.
        await UpsertAsync(session, (BackgroundStoreSession.Capacity + 1) * BackgroundStoreSession.BatchSize - 1);
        var waiting = session.UpsertAsync(Some.Record("last"), [], Token).AsTask();
        Assert.That(waiting.IsCompleted, Is.False);
        gate.SetException(new TimeoutException("the store stopped answering"));

        Assert.That(async () => await waiting, Throws.TypeOf<TimeoutException>());
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Disposed_without_commit_the_writer_stops_between_writes_and_nothing_is_committed()
    {
        var gate = new TaskCompletionSource();
        var inner = new RecordingStoreSession { Gate = gate.Task };
        var session = BackgroundStoreSession.Start(inner, Token);
        await UpsertAsync(session, 3 * BackgroundStoreSession.BatchSize);
        await inner.FirstWriteStarted;
        var disposing = session.DisposeAsync().AsTask();
        gate.SetResult();
        await disposing;

        Assert.That((inner.Writes.Count, inner.Committed, inner.Disposed), Is.EqualTo((1, false, true)));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task Cancelling_the_run_stops_the_writer_and_fails_a_later_upsert_and_the_commit()
    {
        using var run = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var inner = new RecordingStoreSession { WaitForCancellation = true };
        await using (var session = BackgroundStoreSession.Start(inner, run.Token))
        {
            await UpsertAsync(session, BackgroundStoreSession.BatchSize);
            await inner.FirstWriteStarted;
            await run.CancelAsync();

            Assert.That(async () => await UpsertAsync(session, 100 * MoreThanQueued), Throws.InstanceOf<OperationCanceledException>());
            Assert.That(async () => await session.CommitAsync(Token), Throws.InstanceOf<OperationCanceledException>());
        }

        Assert.That((inner.Writes.Count, inner.Committed, inner.Disposed), Is.EqualTo((1, false, true)));
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task An_upsert_with_a_cancelled_token_throws_and_queues_nothing()
    {
        var inner = new RecordingStoreSession();
        await using (var session = BackgroundStoreSession.Start(inner, Token))
        {
            await session.UpsertAsync(Some.Record("A"), [], Token);
            Assert.That(async () => await session.UpsertAsync(Some.Record("B"), [], new CancellationToken(canceled: true)), Throws.InstanceOf<OperationCanceledException>());
            await session.CommitAsync(Token);
        }

        Assert.That(inner.Writes, Is.EqualTo(new[] { "A" }));
    }

    /// <summary>Upserts <paramref name="count"/> records with the test's token.</summary>
    private static async Task UpsertAsync(IStoreSession session, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await session.UpsertAsync(Some.Record($"S{i}"), [], Token);
        }
    }

    private static MappedRecord Rejected(int line)
    {
        var mapped = Some.Mapped(new ProductRecord($"R{line}") { Feed = "feed.csv", Line = line });
        mapped.AddIssue(new Issue(Severity.Error, "required", "price is required") { Sku = $"R{line}", Feed = "feed.csv", Line = line });
        return mapped;
    }

    /// <summary>Serialises ahead when asked (the SKU's bytes stand for the stored form), else at the write, and records which thread did what.</summary>
    private sealed class SerialisingSession : ISerialisingSession
    {
        /// <summary>What the first write waits for.</summary>
        public Task Gate { get; init; } = Task.CompletedTask;

        public List<string> Ahead { get; } = [];

        public HashSet<int> AheadOn { get; } = [];

        public List<string> ByWriter { get; } = [];

        public List<string> Written { get; } = [];

        public SerialisedRecord? SerialiseAhead(ProductRecord record, ProductDocument document)
        {
            lock (Ahead)
            {
                Ahead.Add(record.Sku);
                AheadOn.Add(Environment.CurrentManagedThreadId);
            }

            return new SerialisedRecord([], System.Text.Encoding.UTF8.GetBytes(record.Sku), ReadOnlyMemory<byte>.Empty, "", "");
        }

        public async ValueTask UpsertAsync(ProductRecord record, IReadOnlyCollection<string> blockedChannels, SerialisedRecord? serialised, CancellationToken cancellationToken = default)
        {
            await Gate;
            if (serialised is null)
            {
                ByWriter.Add(record.Sku); // the session serialises it itself, on the writer's thread
            }
            else
            {
                Assert.That(System.Text.Encoding.UTF8.GetString(serialised.Content.Span), Is.EqualTo(record.Sku), "the record's own stored form");
            }

            Written.Add(record.Sku);
        }

        public ValueTask UpsertAsync(ProductRecord record, IReadOnlyCollection<string> blockedChannels, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("a record serialised ahead is written with its stored form");

        public ValueTask QuarantineAsync(MappedRecord rejected, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public Task<CommitSummary> CommitAsync(CancellationToken cancellationToken = default) => Task.FromResult(new CommitSummary(Written.Count, 0, 0));

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
