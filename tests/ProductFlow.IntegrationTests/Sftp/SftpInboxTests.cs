using System.Globalization;
using ProductFlow.Inbox;
using ProductFlow.Pipelines;
using ProductFlow.Running;
using ProductFlow.Tests.Support;

namespace ProductFlow.IntegrationTests.Sftp;

/// <summary>The SFTP inbox against Debian's OpenSSH server on 127.0.0.1: readiness, one claim per feed however many inboxes race for it,
/// filing on the server, crashed claims put back, uploads, requeues and retention.</summary>
[NonParallelizable]
[CancelAfter(120_000)]
public class SftpInboxTests
{
    private SshServer _server = null!;
    private TempDirectory _work = null!;
    private string _root = null!;

    [OneTimeSetUp]
    public void StartServer() => _server = SshServer.Start();

    [OneTimeTearDown]
    public void StopServer() => _server?.Dispose();

    [SetUp]
    public void CreateFolders()
    {
        _work = new TempDirectory();
        _root = Path.Combine(_server.Files, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_root);
    }

    [TearDown]
    public void DeleteFolders() => _work.Dispose();

    [Test]
    public async Task A_feed_is_ready_once_marked_done_or_unchanged_and_settling_until_then(CancellationToken cancellationToken)
    {
        Drop("marked.csv", "sku\nA\n");
        Drop("marked.csv.done", "");
        Drop("old.csv", "sku\nB\n", age: TimeSpan.FromMinutes(10));
        Drop("arriving.csv", "sku\nC\n");
        Drop("upload.csv.part", "sku\n");
        Drop(".hidden.csv", "sku\n", age: TimeSpan.FromMinutes(10));
        var inbox = Inbox();

        var ready = await inbox.ReadyAsync(cancellationToken);

        Assert.That(ready, Is.EquivalentTo(new[] { InInbox("marked.csv"), InInbox("old.csv") }));
        Assert.That(await inbox.SettlingAsync(cancellationToken), Is.EqualTo(1));
        Assert.That(inbox.Location, Is.EqualTo($"sftp://{SshServer.User}@127.0.0.1:{_server.Port}{_root}/inbox/demo/"));
    }

    [Test]
    public async Task Workers_racing_for_a_feed_claim_it_once(CancellationToken cancellationToken)
    {
        Drop("feed.csv", "sku\nA\n");
        Drop("feed.csv.done", "");
        var id = (await Inbox().ReadyAsync(cancellationToken)).Single();

        var claims = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => Inbox().TryClaimAsync(id, cancellationToken), cancellationToken)));

        var won = claims.Where(c => c is not null).ToList();
        Assert.That(won, Has.Count.EqualTo(1));
        Assert.That(await File.ReadAllTextAsync(won[0]!.Path, cancellationToken), Is.EqualTo("sku\nA\n"));
        Assert.That(File.Exists(Path.Combine(_root, "inbox", "demo", "feed.csv")), Is.False, "the claimed feed left the inbox");
        var claimFolder = Directory.GetDirectories(Path.Combine(_root, "processing", "demo")).Single();
        Assert.That(Directory.GetFiles(claimFolder).Select(Path.GetFileName), Is.EquivalentTo(new[] { "feed.csv", "feed.csv.done", ".heartbeat" }));
        Assert.That(await Inbox().ReadyAsync(cancellationToken), Is.Empty);
        await Inbox().ReleaseAsync(won[0]!, cancellationToken);
    }

    [Test]
    public async Task Waiting_feeds_run_then_move_to_archive_or_failed_on_the_server_with_their_report(CancellationToken cancellationToken)
    {
        var pipeline = PipelineLoader.Load(TestPaths.InRepository("pipelines", "demo.json"));
        Drop("good.csv", await File.ReadAllTextAsync(TestPaths.InRepository("samples", "supplier-apparel.csv"), cancellationToken), age: TimeSpan.FromMinutes(10));
        Drop("broken.csv", "sku,name\nA,\"never closed\n", age: TimeSpan.FromMinutes(10));
        var inbox = Inbox();

        var runs = await new InboxRunner(Runs.Runner(_work.Combine("data"))).RunWaitingAsync(pipeline, inbox, RunRequest.For(pipeline), cancellationToken: cancellationToken);

        Assert.That(runs.Select(r => (r.Feed, r.Report.Run.Status.ToString())), Is.EquivalentTo(new[] { ("good.csv", "Completed"), ("broken.csv", "Failed") }));
        var good = runs.Single(r => r.Feed == "good.csv");
        var broken = runs.Single(r => r.Feed == "broken.csv");
        Assert.That(good.Report.Run.Counts.Accepted, Is.GreaterThan(300));
        var day = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.That(Files(), Is.EquivalentTo(new[]
        {
            $"archive/{day}/{good.Report.Run.Id}/good.csv", $"archive/{day}/{good.Report.Run.Id}/report.json",
            $"failed/{day}/{broken.Report.Run.Id}/broken.csv", $"failed/{day}/{broken.Report.Run.Id}/report.json",
        }), "the inbox and processing/ are empty; nothing is deleted");
        Assert.That(good.MovedTo, Is.EqualTo($"sftp://{SshServer.User}@127.0.0.1:{_server.Port}{_root}/archive/{day}/{good.Report.Run.Id}/good.csv"));
        Assert.That(Directory.Exists(_work.Combine("data", "processing", "demo")) && Directory.EnumerateFileSystemEntries(_work.Combine("data", "processing", "demo")).Any(), Is.False,
            "the local copies go with their claims");
    }

    [Test]
    public async Task A_released_feed_waits_again_and_an_abandoned_one_is_kept_in_failed(CancellationToken cancellationToken)
    {
        Drop("retry.csv", "sku\nA\n", age: TimeSpan.FromMinutes(1));
        Drop("crash.csv", "sku\nB\n", age: TimeSpan.FromMinutes(1));
        var inbox = Inbox();
        var retry = (await inbox.TryClaimAsync(InInbox("retry.csv"), cancellationToken))!;
        var crash = (await inbox.TryClaimAsync(InInbox("crash.csv"), cancellationToken))!;

        await inbox.ReleaseAsync(retry, cancellationToken);
        var movedTo = await inbox.AbandonAsync(crash, cancellationToken);

        Assert.That(await inbox.ReadyAsync(cancellationToken), Is.EqualTo(new[] { InInbox("retry.csv") }));
        Assert.That(Files(), Does.Contain("inbox/demo/retry.csv.done"), "a released feed is ready at once");
        Assert.That(Files(), Has.One.Match(@"^failed/\d{4}-\d{2}-\d{2}/unfinished-[0-9a-f]{32}/crash\.csv$"));
        Assert.That(movedTo, Does.EndWith("/crash.csv"));
    }

    [Test]
    public async Task A_claim_whose_worker_stopped_beating_goes_back_to_the_inbox(CancellationToken cancellationToken)
    {
        Put("processing/demo/dead/feed.csv", "sku\nA\n", age: TimeSpan.FromMinutes(30));
        Put("processing/demo/dead/.heartbeat", DateTimeOffset.UtcNow.AddMinutes(-20).ToString("O", CultureInfo.InvariantCulture));
        Put("processing/demo/alive/other.csv", "sku\nB\n", age: TimeSpan.FromMinutes(30));
        Put("processing/demo/alive/.heartbeat", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        var inbox = Inbox(claimTimeout: TimeSpan.FromMinutes(15));

        var ready = await inbox.ReadyAsync(cancellationToken);

        Assert.That(ready, Is.EqualTo(new[] { InInbox("feed.csv") }), "the recovered feed is as old as it was: ready at once");
        Assert.That(Files(), Is.EquivalentTo(new[] { "inbox/demo/feed.csv", "processing/demo/alive/other.csv", "processing/demo/alive/.heartbeat" }));
    }

    [Test]
    public async Task A_claim_keeps_beating_while_its_run_lasts(CancellationToken cancellationToken)
    {
        Drop("long.csv", "sku\nA\n", age: TimeSpan.FromMinutes(1));
        var inbox = Inbox(claimTimeout: TimeSpan.FromSeconds(4));
        var claim = (await inbox.TryClaimAsync(InInbox("long.csv"), cancellationToken))!;
        var heartbeat = Path.Combine(Directory.GetDirectories(Path.Combine(_root, "processing", "demo")).Single(), ".heartbeat");
        var first = await File.ReadAllTextAsync(heartbeat, cancellationToken);

        // Looked at over and over while it beats (a look may catch the heartbeat being written): a live claim is never taken back.
        for (var look = 0; look < 12; look++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            Assert.That(await Inbox(claimTimeout: TimeSpan.FromSeconds(4)).ReadyAsync(cancellationToken), Is.Empty);
        }

        Assert.That(await File.ReadAllTextAsync(heartbeat, cancellationToken), Is.Not.EqualTo(first));
        Assert.That(File.Exists(Path.Combine(Path.GetDirectoryName(heartbeat)!, "long.csv")), Is.True, "still claimed");
        await inbox.AbandonAsync(claim, cancellationToken);
    }

    [Test]
    public async Task An_upload_is_written_aside_then_made_ready_and_a_filed_feed_can_be_queued_again(CancellationToken cancellationToken)
    {
        var inbox = Inbox();
        string? told = null;

        var id = await inbox.AcceptAsync("../spring 2026.csv", (stream, ct) => stream.WriteAsync("sku\nA\n"u8.ToArray(), ct).AsTask(), name =>
        {
            told = name;
            Assert.That(File.Exists(Path.Combine(_root, "inbox", "demo", "spring_2026.csv")), Is.False, "not visible before the caller knows its id");
            return Task.CompletedTask;
        }, cancellationToken);

        Assert.That((id, told), Is.EqualTo((InInbox("spring_2026.csv"), InInbox("spring_2026.csv"))));
        Assert.That(await inbox.ReadyAsync(cancellationToken), Is.EqualTo(new[] { id }));
        Put("failed/2026-03-02/run-7/old.csv", "sku\nB\n");
        Put("failed/2026-03-02/run-7/report.json", "{}");

        var again = await inbox.RequeueAsync("run-7", "old.csv", _ => Task.CompletedTask, cancellationToken);

        Assert.That(again, Is.EqualTo(InInbox("old.csv")));
        Assert.That(await File.ReadAllTextAsync(Path.Combine(_root, "inbox", "demo", "old.csv"), cancellationToken), Is.EqualTo("sku\nB\n"));
        Assert.That(await inbox.RequeueAsync("run-8", "gone.csv", _ => Task.CompletedTask, cancellationToken), Is.Null);
    }

    [Test]
    public async Task Retention_deletes_the_days_on_the_server_before_the_cutoff()
    {
        foreach (var name in new[] { "archive/2026-01-01/run-1/a.csv", "archive/2026-01-01/run-1/report.json", "archive/2026-01-01/run-2/b.csv", "archive/2026-01-31/run-3/c.csv", "inbox/demo/d.csv" })
        {
            Put(name, "x");
        }

        var archive = new SftpFeedArchive(_server.Endpoint(), _root);

        var purged = await archive.PurgeAsync(FeedShelf.Archive, new DateTimeOffset(2026, 1, 31, 0, 0, 0, TimeSpan.Zero));

        Assert.That(purged, Is.EqualTo(2));
        Assert.That(Files(), Is.EquivalentTo(new[] { "archive/2026-01-31/run-3/c.csv", "inbox/demo/d.csv" }));
    }

    [Test]
    public async Task An_inbox_on_a_server_with_another_host_key_is_refused_as_infrastructure()
    {
        var endpoint = new ProductFlow.Connectors.Sftp.SftpEndpoint("127.0.0.1", _server.Port, SshServer.User)
        {
            PrivateKey = _server.ClientKey, HostKey = ProductFlow.Connectors.Sftp.HostKeyPin.Parse(_server.OtherFingerprint),
        };
        var inbox = new SftpInbox(endpoint, _root, "demo", _work.Path);

        var error = await Assert.ThrowsAsync<InfrastructureException>(() => inbox.ReadyAsync());

        Assert.That(error!.Message, Does.StartWith(inbox.Location + ": the server's host key changed"));
    }

    private SftpInbox Inbox(TimeSpan? claimTimeout = null) =>
        new(_server.Endpoint(), _root, "demo", _work.Path, new InboxOptions { StableFor = TimeSpan.FromMinutes(5), ClaimTimeout = claimTimeout ?? TimeSpan.FromMinutes(15) });

    private string InInbox(string name) => $"{_root}/inbox/demo/{name}";

    private void Drop(string name, string content, TimeSpan? age = null) => Put("inbox/demo/" + name, content, age);

    private void Put(string relative, string content, TimeSpan? age = null)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        if (age is { } old)
        {
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow - old);
        }
    }

    /// <summary>The files under the inbox's root on the server, relative to it.</summary>
    private List<string> Files() =>
        Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_root, f).Replace('\\', '/')).ToList();
}
