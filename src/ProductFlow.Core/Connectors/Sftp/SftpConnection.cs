using System.Net.Sockets;
using System.Text;
using ProductFlow.Connectors.Remote;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace ProductFlow.Connectors.Sftp;

/// <summary>Opens an SFTP session (SSH.NET) to an <see cref="SftpEndpoint"/>, its host key checked against the pin before any credential is sent.</summary>
/// <remarks>
/// A server whose host key is not pinned, or whose key changed, is refused: the message names the key it presented, so that its
/// owner can confirm it before it is pinned. Every failure is the exception <c>fail</c> makes of what failed: the name did not resolve
/// (DNS), the connection was refused, the host key, the login, the key file, the timeout. Secrets appear in none.
/// </remarks>
internal static class SftpConnection
{
    /// <summary>How often an idle session is kept alive while a long run holds it.</summary>
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(30);

    /// <summary>A connected client; the caller disposes it. <c>fail</c> makes the exception thrown of what failed (a sentence without the
    /// server's name) and its cause.</summary>
    public static async Task<SftpClient> OpenAsync(SftpEndpoint endpoint, Func<string, Exception?, ProductFlowException> fail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(fail);
        var methods = new List<AuthenticationMethod>();
        if (endpoint.PrivateKey is { } key)
        {
            methods.Add(new PrivateKeyAuthenticationMethod(endpoint.User, LoadKey(key, endpoint, fail)));
        }

        if (endpoint.Password is { } password)
        {
            methods.Add(new PasswordAuthenticationMethod(endpoint.User, password));
        }

        if (methods.Count == 0)
        {
            throw fail("no credentials: configure a private key or a password", null);
        }

        var connection = new ConnectionInfo(endpoint.Host, endpoint.Port, endpoint.User, [.. methods]) { Timeout = endpoint.Timeout };
        var client = new SftpClient(connection) { OperationTimeout = endpoint.Timeout, KeepAliveInterval = KeepAlive };
        string? refused = null;
        client.HostKeyReceived += (_, e) =>
        {
            e.CanTrust = endpoint.HostKey.Accepts(e.FingerPrintSHA256);
            if (!e.CanTrust)
            {
                var presented = $"{e.HostKeyName} SHA256:{e.FingerPrintSHA256}";
                refused = endpoint.HostKey.Fingerprints.Count == 0
                    ? $"the server's host key is not pinned: it presents {presented}; refusing to connect (confirm the fingerprint with the server's owner, then pin it)"
                    : $"the server's host key changed: it presents {presented}, not the pinned {endpoint.HostKey}; refusing to connect (the server was rebuilt, or someone is in between: check with its owner before pinning a new key)";
            }
        };

        try
        {
            await client.ConnectAsync(cancellationToken).ConfigureAwait(false);
            return client;
        }
        catch (Exception e) when (Describe(e, endpoint, refused) is { } what && !cancellationToken.IsCancellationRequested)
        {
            client.Dispose();
            throw fail(what, e);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>What failed, for a failure of connecting or logging in; null for another exception.</summary>
    private static string? Describe(Exception e, SftpEndpoint endpoint, string? refused) => e switch
    {
        _ when refused is not null => refused,
        SshAuthenticationException auth => $"the login as '{endpoint.User}' was refused ({auth.Message.TrimEnd('.')}): check {endpoint.CredentialsFrom}",
        SshOperationTimeoutException => $"no answer within {endpoint.Timeout.TotalSeconds:0.#} s",
        SocketException or TimeoutException => RemoteErrors.Describe(e),
        SshConnectionException connection => "the SSH connection failed: " + connection.Message,
        SshException ssh => "SSH: " + ssh.Message,
        OperationCanceledException => $"no answer within {endpoint.Timeout.TotalSeconds:0.#} s",
        _ => null,
    };

    /// <summary>The private key: a key file's path, or the key itself (a text that starts like one; line breaks may be written <c>\n</c>).</summary>
    private static PrivateKeyFile LoadKey(string key, SftpEndpoint endpoint, Func<string, Exception?, ProductFlowException> fail)
    {
        var inline = key.Contains("-----BEGIN ", StringComparison.Ordinal) || key.StartsWith("PuTTY-User-Key-File", StringComparison.Ordinal);
        try
        {
            if (inline)
            {
                using var text = new MemoryStream(Encoding.UTF8.GetBytes(key.Replace("\\n", "\n", StringComparison.Ordinal)));
                return endpoint.Passphrase is null ? new PrivateKeyFile(text) : new PrivateKeyFile(text, endpoint.Passphrase);
            }

            return endpoint.Passphrase is null ? new PrivateKeyFile(key) : new PrivateKeyFile(key, endpoint.Passphrase);
        }
        catch (SshPassPhraseNullOrEmptyException e)
        {
            throw fail("the private key is protected by a passphrase, and none is configured", e);
        }
        catch (Exception e) when (e is SshException or IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            // The message of a key that cannot be read names neither the key nor the passphrase; a file's path is no secret.
            var what = inline ? "the private key" : $"the private key file {key}";
            throw fail($"{what} could not be read ({e.Message.TrimEnd('.')}): check {endpoint.CredentialsFrom}", e);
        }
    }
}
