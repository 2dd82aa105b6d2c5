using System.Diagnostics;
using ProductFlow.IntegrationTests.Server;
using ProductFlow.IntegrationTests.Support;

namespace ProductFlow.IntegrationTests.Sftp;

/// <summary>Service mode polling an SFTP inbox: <c>serve --embedded</c> with <c>ProductFlow:Inbox:Sftp</c> set, against Debian's OpenSSH server
/// on 127.0.0.1; the secrets in the environment only, never in what the service prints.</summary>
[NonParallelizable]
[CancelAfter(300_000)]
public class SftpServiceModeTests
{
    private SshServer _server = null!;
    private DemoFolder _demo = null!;
    private string _root = null!;

    [SetUp]
    public void SetUp()
    {
        _server = SshServer.Start();
        _demo = new DemoFolder();
        _root = Path.Combine(_server.Files, "suppliers");
        Directory.CreateDirectory(_root);
    }

    [TearDown]
    public void TearDown()
    {
        _demo?.Dispose();
        _server?.Dispose();
    }

    [Test]
    public async Task A_feed_dropped_on_the_sftp_server_is_claimed_run_and_filed_there_with_its_report()
    {
        var key = await File.ReadAllTextAsync(_server.ClientKey);
        await using var serve = await ServeProcess.StartAsync(_demo.Root, Settings(key), "--embedded");
        var inbox = Path.Combine(_root, "inbox", "demo");
        Directory.CreateDirectory(inbox);
        File.Copy(_demo.Sample, Path.Combine(inbox, "wednesday.csv.part"));
        File.Move(Path.Combine(inbox, "wednesday.csv.part"), Path.Combine(inbox, "wednesday.csv"));
        await File.WriteAllTextAsync(Path.Combine(inbox, "wednesday.csv.done"), "");

        var clock = Stopwatch.StartNew();
        while (Filed("wednesday.csv").Length == 0)
        {
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(90)), () => "not filed in time:\n" + serve.Output + _server.Log);
            await Task.Delay(250);
        }

        var filed = Filed("wednesday.csv").Single();
        Assert.That(Path.GetRelativePath(_root, filed).Replace('\\', '/'), Does.Match(@"^archive/\d{4}-\d{2}-\d{2}/[^/]+/wednesday\.csv$"));
        Assert.That(File.Exists(Path.Combine(Path.GetDirectoryName(filed)!, "report.json")), Is.True);
        Assert.That(Directory.EnumerateFileSystemEntries(inbox), Is.Empty, "the feed and its marker left the inbox");
        Assert.That(File.Exists(Path.Combine(_demo.Data, "exports", "web", "current")), Is.True, "the demo publishes on run");
        Assert.That(serve.Output, Does.Not.Contain(key.Split('\n')[1]), "the key is never logged");
    }

    [Test]
    public async Task Doctor_checks_the_sftp_inbox_and_names_a_refused_host_key()
    {
        var settings = Settings(_server.ClientKey);
        var good = _demo.Cli(settings, "doctor", "pipelines", "--data", _demo.Data);
        settings["ProductFlow__Inbox__Sftp__HostKey"] = _server.OtherFingerprint;
        var refused = _demo.Cli(settings, "doctor", "pipelines", "--data", _demo.Data);

        Assert.That(good.Stdout, Does.Contain($"ok    service inbox: SFTP sftp://{SshServer.User}@127.0.0.1:{_server.Port}{_root}: host key pinned, login and folder fine"), good.ToString());
        Assert.That(refused.Stdout, Does.Contain($"FAIL  service inbox: SFTP sftp://{SshServer.User}@127.0.0.1:{_server.Port}{_root}: the server's host key changed"), refused.ToString());
        Assert.That(refused.ExitCode, Is.Not.Zero);
    }

    private string[] Filed(string name) =>
        new[] { "archive", "failed" }.Select(shelf => Path.Combine(_root, shelf)).Where(Directory.Exists)
            .SelectMany(shelf => Directory.GetFiles(shelf, name, SearchOption.AllDirectories)).ToArray();

    private Dictionary<string, string?> Settings(string privateKey) => new()
    {
        ["PRODUCTFLOW_STORE"] = null, ["PRODUCTFLOW_EXPORTS"] = null, ["PRODUCTFLOW_BLOB"] = null,
        ["ProductFlow__DataDirectory"] = _demo.Data,
        ["ProductFlow__Inbox__Poll"] = "* * * * * *",
        ["ProductFlow__Inbox__StableFor"] = "00:05:00",
        ["ProductFlow__Jobs__QueuePollInterval"] = "00:00:00.5",
        ["ProductFlow__Jobs__SchedulePollingInterval"] = "00:00:01",
        ["ProductFlow__Inbox__Sftp__Host"] = "127.0.0.1",
        ["ProductFlow__Inbox__Sftp__Port"] = _server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["ProductFlow__Inbox__Sftp__Username"] = SshServer.User,
        ["ProductFlow__Inbox__Sftp__PrivateKey"] = privateKey,
        ["ProductFlow__Inbox__Sftp__HostKey"] = _server.HostKeyFingerprint,
        ["ProductFlow__Inbox__Sftp__Root"] = _root,
    };
}
