using ProductFlow.Inbox;
using ProductFlow.Pipelines;
using ProductFlow.Running;
using ProductFlow.Tests.Support;

namespace ProductFlow.Tests.Inbox;

public class FolderInboxTests
{
    private TempDirectory _dir = null!;

    private string Data => _dir.Combine("data");

    [SetUp]
    public void CreateFolder() => _dir = new TempDirectory();

    [TearDown]
    public void DeleteFolder() => _dir.Dispose();

    [Test]
    public void A_fresh_file_waits_until_stable_or_marked_done()
    {
        var inbox = new FolderInbox(Data, "demo", new InboxOptions { StableFor = TimeSpan.FromMinutes(5) });
        var fresh = Drop("fresh.csv");
        var marked = Drop("marked.csv");
        File.WriteAllText(marked + ".done", "");
        var old = Drop("old.csv");
        File.SetLastWriteTimeUtc(old, DateTime.UtcNow.AddMinutes(-10));
        Drop("upload.csv.part");
        Drop(".hidden.csv");

        Assert.That(inbox.Ready().Select(Path.GetFileName), Is.EquivalentTo(new[] { "marked.csv", "old.csv" }));
        Assert.That(inbox.Settling().Select(Path.GetFileName), Is.EqualTo(new[] { Path.GetFileName(fresh) }));
    }

    [Test]
    public void Only_one_of_two_inboxes_claims_a_feed()
    {
        var feed = Drop("feed.csv");
        var first = new FolderInbox(Data, "demo");
        var second = new FolderInbox(Data, "demo");

        var claims = new[] { first.TryClaim(feed), second.TryClaim(feed) };

        Assert.That(claims.Count(c => c is not null), Is.EqualTo(1));
        Assert.That(File.Exists(feed), Is.False);
        Assert.That(File.ReadAllText(claims.Single(c => c is not null)!.Path), Is.EqualTo("feed.csv"));
    }

    [Test]
    public void A_claim_left_by_a_crashed_process_goes_back_to_the_inbox_and_a_live_one_does_not()
    {
        var inbox = new FolderInbox(Data, "demo", new InboxOptions { StableFor = TimeSpan.Zero, ClaimTimeout = TimeSpan.FromMinutes(5) });
        var crashed = inbox.TryClaim(Drop("crashed.csv"))!;
        var live = inbox.TryClaim(Drop("live.csv"))!;

        ((IDisposable)crashed.Handle!).Dispose(); // its process is gone: no more heartbeats
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(crashed.Path)!, ".heartbeat"), "");
        File.SetLastWriteTimeUtc(Path.Combine(Path.GetDirectoryName(crashed.Path)!, ".heartbeat"), DateTime.UtcNow.AddMinutes(-10));

        var ready = inbox.Ready();
        ((IDisposable)live.Handle!).Dispose();

        Assert.That(ready.Select(Path.GetFileName), Is.EqualTo(new[] { "crashed.csv" }));
        Assert.That(Directory.Exists(Path.GetDirectoryName(crashed.Path)), Is.False);
        Assert.That(File.Exists(live.Path), Is.True);
        Assert.That(inbox.TryClaim(ready[0]), Is.Not.Null);
    }

    [Test]
    public async Task Waiting_feeds_run_then_move_to_archive_or_failed_with_their_report()
    {
        var pipeline = PipelineLoader.Load(TestPaths.InRepository("pipelines", "demo.json"));
        var inbox = new FolderInbox(Data, "demo", new InboxOptions { StableFor = TimeSpan.Zero });
        Directory.CreateDirectory(inbox.Folder);
        File.Copy(TestPaths.InRepository("samples", "supplier-apparel.csv"), Path.Combine(inbox.Folder, "good.csv"));
        File.WriteAllText(Path.Combine(inbox.Folder, "broken.csv"), "sku,name\nA,\"never closed\n");

        var runs = await new InboxRunner(Runs.Runner(Data)).RunWaitingAsync(pipeline, inbox, RunRequest.For(pipeline));

        Assert.That(runs, Has.Count.EqualTo(2));
        var good = runs.Single(r => r.Feed == "good.csv");
        var broken = runs.Single(r => r.Feed == "broken.csv");
        Assert.That(good.Report.Run.Counts.Read, Is.EqualTo(361));
        Assert.That(good.MovedTo, Does.StartWith(Path.Combine(Data, "archive")).And.Contain(good.Report.Run.Id));
        Assert.That(broken.MovedTo, Does.StartWith(Path.Combine(Data, "failed")).And.Contain(broken.Report.Run.Id));
        Assert.That(File.Exists(good.MovedTo) && File.Exists(broken.MovedTo), Is.True);
        Assert.That(File.Exists(Path.Combine(Path.GetDirectoryName(broken.MovedTo)!, "report.json")), Is.True);
        Assert.That(Directory.EnumerateFileSystemEntries(inbox.Folder), Is.Empty);
        Assert.That(Directory.EnumerateFileSystemEntries(Path.Combine(Data, "processing", "demo")), Is.Empty);
    }

    [Test]
    public async Task An_inbox_run_keeps_every_flag_of_its_request_and_the_services_of_its_runner()
    {
        var pipeline = PipelineLoader.Load(TestPaths.InRepository("pipelines", "demo.json"));
        var sample = TestPaths.InRepository("samples", "supplier-apparel.csv");
        await Runs.RunAsync(pipeline, Data, input: sample);
        var inbox = new FolderInbox(Data, "demo", new InboxOptions { StableFor = TimeSpan.Zero });
        Directory.CreateDirectory(inbox.Folder);
        File.WriteAllLines(Path.Combine(inbox.Folder, "few.csv"), File.ReadLines(sample).Take(5));
        var events = new Events.RecordingEventPublisher();
        var exports = new ProductFlow.Publishing.FolderBlobStore(_dir.Combine("elsewhere"));

        // A full feed of 4 products removes far more than maxRemovedShare allows: only AllowMassDelete lets it commit.
        var request = RunRequest.For(pipeline) with { FeedMode = FeedMode.Full, AllowMassDelete = true };
        var runs = await new InboxRunner(Runs.Runner(Data, events, exports)).RunWaitingAsync(pipeline, inbox, request);

        var run = runs.Single().Report;
        Assert.That(run.Failure, Is.Null, () => run.Failure!.Message);
        Assert.That(run.Run.Counts.Removed, Is.GreaterThan(300), "full mode, and the mass-delete guard lifted");
        await using (var store = ProductFlow.Store.Sqlite.SqliteProductStore.Open(Data))
        {
            var outbox = await store.ReadEventsAsync(pendingOnly: true, 100).Select(e => e.Event.Id).ToListAsync();
            Assert.That(outbox, Does.Contain(run.Run.Id + ":accepted"), "the runner's events, in the outbox");
        }

        Assert.That(Directory.Exists(_dir.Combine("elsewhere", "web")), Is.True, "the runner's export store");
    }

    [Test]
    public void The_cli_runs_the_inbox_and_exits_3_when_a_feed_failed()
    {
        var folder = Path.Combine(Data, "inbox", "demo");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "broken.csv"), "sku,name\nA,\"never closed\n");
        File.WriteAllText(Path.Combine(folder, "broken.csv.done"), "");
        File.WriteAllText(Path.Combine(folder, "arriving.csv"), "sku\n");

        var result = CliProcess.Run(_dir.Path, "run", TestPaths.InRepository("pipelines", "demo.json"), "--from-inbox", "--data", Data);

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(result.Stderr, Does.Contain("1 feed(s) run, 1 still arriving"));
        Assert.That(Directory.GetFiles(Path.Combine(Data, "failed"), "broken.csv", SearchOption.AllDirectories), Has.Length.EqualTo(1));
        Assert.That(File.Exists(Path.Combine(folder, "arriving.csv")), Is.True);
    }

    private string Drop(string name)
    {
        var path = Path.Combine(Data, "inbox", "demo", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, name);
        return path;
    }
}
