using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using ProductFlow.Connectors.Sftp;
using ProductFlow.IntegrationTests.Support;

namespace ProductFlow.IntegrationTests.Sftp;

/// <summary>Debian's OpenSSH server (<c>sshd -D -e</c>, a child process, not a daemon) on a free port of 127.0.0.1, with its own host key, config and
/// authorized client keys in a temp folder; serving SFTP over the local file system. Works as root and as a normal user (who may log in as
/// themself only).</summary>
/// <remarks>Missing <c>sshd</c>: the test fails under CI=true and is skipped elsewhere (<see cref="MissingTool"/>); test.sh installs
/// <c>openssh-server</c> as root.</remarks>
internal sealed class SshServer : IDisposable
{
    public const string Sshd = "/usr/sbin/sshd";
    public const string Passphrase = "correct horse battery staple";

    private readonly Process _process;
    private readonly StringBuilder _log;

    private SshServer(string folder, int port, Process process, StringBuilder log)
    {
        Folder = folder;
        Port = port;
        _process = process;
        _log = log;
    }

    /// <summary>The temp folder of the server's keys and config; <see cref="Files"/> is the part tests put feeds in.</summary>
    public string Folder { get; }

    /// <summary>A folder the server serves, for the tests' feeds: <c>&lt;Folder&gt;/files</c>, an absolute path on the server too.</summary>
    public string Files => Path.Combine(Folder, "files");

    public int Port { get; }

    /// <summary>The user to log in as: whoever runs the tests (sshd run by a normal user lets only that user in).</summary>
    public static string User => Environment.UserName;

    /// <summary>The private key the server accepts, without a passphrase.</summary>
    public string ClientKey => Path.Combine(Folder, "client_ed25519");

    /// <summary>Another accepted private key, protected by <see cref="Passphrase"/>.</summary>
    public string ProtectedClientKey => Path.Combine(Folder, "client_protected");

    /// <summary>The fingerprint of the server's host key, as <c>ssh-keygen -lf</c> prints it.</summary>
    public string HostKeyFingerprint => Fingerprint(Path.Combine(Folder, "host_ed25519.pub"));

    /// <summary>The fingerprint of a key that is not the server's (the client's public key): a pin the server does not match.</summary>
    public string OtherFingerprint => Fingerprint(ClientKey + ".pub");

    /// <summary>What sshd logged, for a failing test's message.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>The URL of a file under <see cref="Files"/>.</summary>
    public string Url(string relative, string? user = null) => $"sftp://{user ?? User}@127.0.0.1:{Port}{Files}/{relative}";

    /// <summary>The endpoint the tests' clients log in to, with the client key and the pinned host key.</summary>
    public SftpEndpoint Endpoint() =>
        new("127.0.0.1", Port, User) { PrivateKey = ClientKey, HostKey = HostKeyPin.Parse(HostKeyFingerprint), Timeout = TimeSpan.FromSeconds(10) };

    public static SshServer Start()
    {
        if (!File.Exists(Sshd) || !File.Exists("/usr/bin/ssh-keygen"))
        {
            MissingTool.Stop($"{Sshd} is missing: install openssh-server (apt-get install -y openssh-server; ./test.sh does it as root)");
        }

        var folder = Directory.CreateTempSubdirectory("productflow-sshd-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "files"));
        KeyGen("-t", "ed25519", "-N", "", "-f", Path.Combine(folder, "host_ed25519"));
        KeyGen("-t", "ed25519", "-N", "", "-f", Path.Combine(folder, "client_ed25519"));
        KeyGen("-t", "ed25519", "-N", Passphrase, "-f", Path.Combine(folder, "client_protected"));
        File.WriteAllText(
            Path.Combine(folder, "authorized_keys"),
            File.ReadAllText(Path.Combine(folder, "client_ed25519.pub")) + File.ReadAllText(Path.Combine(folder, "client_protected.pub")));
        if (Environment.UserName == "root")
        {
            // sshd started as root wants its privilege separation folder (systemd makes it for the packaged service).
            Directory.CreateDirectory("/run/sshd");
        }

        var port = FreePort.Next();
        var config = Path.Combine(folder, "sshd_config");
        File.WriteAllText(config, $"""
            Port {port}
            ListenAddress 127.0.0.1
            HostKey {folder}/host_ed25519
            PidFile none
            AuthorizedKeysFile {folder}/authorized_keys
            StrictModes no
            UsePAM no
            PubkeyAuthentication yes
            PasswordAuthentication yes
            KbdInteractiveAuthentication no
            PermitRootLogin yes
            Subsystem sftp internal-sftp
            LogLevel VERBOSE
            """);
        var start = new ProcessStartInfo(Sshd) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "-D", "-e", "-f", config })
        {
            start.ArgumentList.Add(arg);
        }

        var log = new StringBuilder();
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var server = new SshServer(folder, port, process, log);
        var until = DateTime.UtcNow.AddSeconds(15);
        while (!Listening(port))
        {
            if (process.HasExited || DateTime.UtcNow > until)
            {
                var why = server.Log;
                server.Dispose();
                Assert.Fail($"sshd did not start on 127.0.0.1:{port}:\n{why}");
            }

            Thread.Sleep(50);
        }

        return server;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        finally
        {
            _process.Dispose();
            Directory.Delete(Folder, recursive: true);
        }
    }

    /// <summary>The SHA-256 fingerprint of an OpenSSH public key file: of the base64 key blob, as <c>ssh-keygen -lf</c> computes it.</summary>
    private static string Fingerprint(string publicKeyFile) =>
        "SHA256:" + Convert.ToBase64String(SHA256.HashData(Convert.FromBase64String(File.ReadAllText(publicKeyFile).Split(' ')[1]))).TrimEnd('=');

    private static void KeyGen(params string[] args)
    {
        var start = new ProcessStartInfo("/usr/bin/ssh-keygen") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args.Prepend("-q"))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, "ssh-keygen " + string.Join(' ', args) + ": " + error);
    }

    private static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
