using ProductFlow.Pipelines;
using ProductFlow.Store;
using ProductFlow.Tests.Support;

namespace ProductFlow.IntegrationTests.Sftp;

/// <summary>A pipeline whose feed is a file on an SFTP server (<c>source.path</c> or <c>--input</c> <c>sftp://…</c>), against Debian's OpenSSH
/// server on 127.0.0.1: the host key pinned, the credentials from environment variables the pipeline names.</summary>
[NonParallelizable]
[CancelAfter(120_000)]
public class SftpFeedTests
{
    private const string KeyVariable = "PF_TEST_SFTP_KEY";
    private const string PasswordVariable = "PF_TEST_SFTP_PASSWORD";
    private const string PassphraseVariable = "PF_TEST_SFTP_PASSPHRASE";
    private const string Feed = "sku,stock\nA-1,5\nA-2,7\nA-3,x\n";

    private SshServer _server = null!;
    private TempDirectory _dir = null!;

    [OneTimeSetUp]
    public void StartServer() => _server = SshServer.Start();

    [OneTimeTearDown]
    public void StopServer() => _server?.Dispose();

    [SetUp]
    public void CreateFolder()
    {
        _dir = new TempDirectory();
        Environment.SetEnvironmentVariable(KeyVariable, _server.ClientKey);
    }

    [TearDown]
    public void DeleteFolder()
    {
        _dir.Dispose();
        foreach (var variable in new[] { KeyVariable, PasswordVariable, PassphraseVariable })
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Test]
    public async Task A_csv_feed_is_read_from_an_sftp_path_with_the_key_the_configuration_holds()
    {
        var url = Put("outgoing/products.csv", Feed);

        var report = await Runs.RunAsync(PipelineLoader.Load(Pipeline(url, Pinned())), _dir.Combine("data"));

        Assert.That(report.Failure, Is.Null, () => report.Failure!.Message + "\n" + _server.Log);
        Assert.That((report.Run.Counts.Read, report.Run.Counts.Accepted, report.Run.Counts.Rejected), Is.EqualTo((3, 2, 1)));
        Assert.That(report.Run.Feed.Name, Is.EqualTo("products.csv"));
        Assert.That(report.Run.Feed.Size, Is.EqualTo(Feed.Length));
        Assert.That(report.Issues.Single().Feed, Is.EqualTo("products.csv"));
        Assert.That(File.Exists(Path.Combine(_server.Files, "outgoing", "products.csv")), Is.True, "the supplier's file is read where it is, never moved");
        Assert.That(Directory.Exists(_dir.Combine("data", "downloads", report.Run.Id)), Is.False, "the downloaded copy goes after the run");
    }

    [Test]
    public async Task An_xlsx_workbook_is_downloaded_whole_before_it_is_read()
    {
        Directory.CreateDirectory(Path.Combine(_server.Files, "xl"));
        MiniExcelLibs.MiniExcel.SaveAs(Path.Combine(_server.Files, "xl", "stock.xlsx"), new[]
        {
            new Dictionary<string, object?> { ["sku"] = "X-1", ["stock"] = 3 },
            new Dictionary<string, object?> { ["sku"] = "X-2", ["stock"] = 4 },
        });

        var report = await Runs.RunAsync(PipelineLoader.Load(Pipeline(_server.Url("xl/stock.xlsx"), Pinned(), format: "xlsx")), _dir.Combine("data"));

        Assert.That(report.Failure, Is.Null, () => report.Failure!.Message);
        Assert.That((report.Run.Counts.Read, report.Run.Counts.Accepted), Is.EqualTo((2, 2)));
    }

    [Test]
    public void The_command_line_reads_an_sftp_input_with_a_key_protected_by_a_passphrase_and_shows_no_secret()
    {
        var url = Put("cli/products.csv", Feed);
        var pipeline = Pipeline(_dir.Combine("unused.csv"), $$"""{ "hostKey": "{{_server.HostKeyFingerprint}}", "privateKeyVariable": "{{KeyVariable}}", "passphraseVariable": "{{PassphraseVariable}}" }""");
        var environment = new Dictionary<string, string?> { [KeyVariable] = _server.ProtectedClientKey, [PassphraseVariable] = SshServer.Passphrase };

        var run = CliProcess.Run(_dir.Path, environment, "run", pipeline, "--input", url, "--data", _dir.Combine("data"), "--json");

        Assert.That(run.ExitCode, Is.Zero, run.ToString() + _server.Log);
        Assert.That(run.Stdout, Does.Contain("\"accepted\": 2").Or.Contain("\"accepted\":2"));
        Assert.That(run.ToString(), Does.Not.Contain(SshServer.Passphrase));
        Assert.That(ReportFiles(), Has.None.Contain(SshServer.Passphrase));

        environment[PassphraseVariable] = null;
        var locked = CliProcess.Run(_dir.Path, environment, "run", pipeline, "--input", url, "--data", _dir.Combine("data"));

        Assert.That(locked.ExitCode, Is.EqualTo(3), locked.ToString());
        Assert.That(locked.Stderr, Does.Contain(PassphraseVariable).And.Contain("is not set"));
    }

    [Test]
    public async Task A_server_whose_host_key_is_not_pinned_is_refused_naming_the_key_it_presented()
    {
        var url = Put("products.csv", Feed);
        var logged = _server.Log.Length;

        var report = await Runs.RunAsync(PipelineLoader.Load(Pipeline(url, $$"""{ "privateKeyVariable": "{{KeyVariable}}" }""")), _dir.Combine("data"));

        Assert.That(report.Run.Status, Is.EqualTo(RunStatus.Failed));
        Assert.That(report.Failure!.Message, Does.StartWith(url + ": the server's host key is not pinned")
            .And.Contain("ssh-ed25519 " + _server.HostKeyFingerprint).And.Contain("refusing to connect"));
        Assert.That(_server.Log[logged..], Does.Contain("Connection from").And.Not.Contain("Accepted publickey").And.Not.Contain("Failed publickey"),
            "no credential is offered to a server that is not trusted");
    }

    [Test]
    public async Task A_server_whose_host_key_changed_is_refused()
    {
        var url = Put("products.csv", Feed);
        var sftp = $$"""{ "hostKey": "{{_server.OtherFingerprint}}", "privateKeyVariable": "{{KeyVariable}}" }""";

        var report = await Runs.RunAsync(PipelineLoader.Load(Pipeline(url, sftp)), _dir.Combine("data"));

        Assert.That(report.Run.Status, Is.EqualTo(RunStatus.Failed));
        Assert.That(report.Failure!.Message, Does.Contain("the server's host key changed: it presents ssh-ed25519 " + _server.HostKeyFingerprint)
            .And.Contain("not the pinned " + _server.OtherFingerprint));
        Assert.That((report.Run.Counts.Read, report.Run.Counts.Accepted), Is.EqualTo((0, 0)));
    }

    [Test]
    public async Task A_refused_password_is_a_failed_login_that_never_shows_the_password()
    {
        const string password = "not-the-password-4711";
        Environment.SetEnvironmentVariable(PasswordVariable, password);
        var url = Put("products.csv", Feed);
        var sftp = $$"""{ "hostKey": "{{_server.HostKeyFingerprint}}", "passwordVariable": "{{PasswordVariable}}" }""";

        var report = await Runs.RunAsync(PipelineLoader.Load(Pipeline(url, sftp)), _dir.Combine("data"));

        Assert.That(report.Failure!.Message, Does.StartWith(url + $": the login as '{SshServer.User}' was refused").And.Contain("source.sftp.passwordVariable (" + PasswordVariable + ")"));
        Assert.That(ReportFiles(), Has.None.Contain(password));
    }

    [Test]
    public async Task A_file_that_is_not_there_fails_the_run_naming_its_path()
    {
        var url = _server.Url("outgoing/nothing-here.csv");

        var report = await Runs.RunAsync(PipelineLoader.Load(Pipeline(url, Pinned())), _dir.Combine("data"));

        Assert.That(report.Failure!.Message, Is.EqualTo($"{url}: there is no file {_server.Files}/outgoing/nothing-here.csv on the server (SFTP: no such file)"));
    }

    [Test]
    public async Task A_folder_is_not_a_feed()
    {
        Directory.CreateDirectory(Path.Combine(_server.Files, "folder.csv"));

        var report = await Runs.RunAsync(PipelineLoader.Load(Pipeline(_server.Url("folder.csv"), Pinned())), _dir.Combine("data"));

        Assert.That(report.Failure!.Message, Does.EndWith("folder.csv is a folder, not a feed file"));
    }

    [Test]
    public async Task A_port_nothing_listens_on_is_a_refused_connection()
    {
        var url = $"sftp://{SshServer.User}@127.0.0.1:{Support.FreePort.Next()}/feeds/products.csv";

        var report = await Runs.RunAsync(PipelineLoader.Load(Pipeline(url, Pinned())), _dir.Combine("data"));

        Assert.That(report.Failure!.Message, Is.EqualTo(url + ": the connection was refused (nothing listens on that host and port)"));
    }

    private string Pinned() => $$"""{ "hostKey": "{{_server.HostKeyFingerprint}}", "privateKeyVariable": "{{KeyVariable}}" }""";

    private string Put(string relative, string content)
    {
        var path = Path.Combine(_server.Files, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return _server.Url(relative);
    }

    private string Pipeline(string path, string sftp, string format = "csv") => _dir.File("p.json", $$"""
        {
          "name": "remote", "catalog": "{{TestPaths.InRepository("schemas", "catalog.json").Replace("\\", "/", StringComparison.Ordinal)}}",
          "source": { "path": "{{path}}", "format": "{{format}}", "sftp": {{sftp}} },
          "mapping": { "sku": { "column": "sku" }, "values": [ { "column": "stock", "attribute": "stock" } ] }
        }
        """);

    /// <summary>The text of every file the runs wrote under the data folder (reports, issues, logs).</summary>
    private IEnumerable<string> ReportFiles() =>
        Directory.Exists(_dir.Combine("data")) ? Directory.EnumerateFiles(_dir.Combine("data"), "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".db", StringComparison.Ordinal)).Select(File.ReadAllText) : [];
}
