using System.Globalization;

namespace ProductFlow.Connectors.Sftp;

/// <summary>An SFTP server to log in to: host, port, user, the credentials and the pinned host key.</summary>
/// <remarks>Made from a pipeline's <c>source.sftp</c> and the environment (<see cref="FromSource"/>), or from the service's
/// <c>ProductFlow:Inbox:Sftp</c> settings. <see cref="ToString"/> shows no secret: it is what messages and logs name.</remarks>
public sealed class SftpEndpoint
{
    public SftpEndpoint(string host, int port, string user)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        ArgumentException.ThrowIfNullOrEmpty(user);
        Host = host;
        Port = port;
        User = user;
    }

    public string Host { get; }

    public int Port { get; }

    public string User { get; }

    /// <summary>The password (a secret), when the server takes one.</summary>
    public string? Password { get; init; }

    /// <summary>The private key (a secret): the path of a key file, or the key itself.</summary>
    public string? PrivateKey { get; init; }

    /// <summary>The private key's passphrase (a secret).</summary>
    public string? Passphrase { get; init; }

    /// <summary>The pinned host key fingerprints (<see cref="HostKeyPin"/>); a server whose key is not among them is refused.</summary>
    public HostKeyPin HostKey { get; init; } = HostKeyPin.None;

    /// <summary>The timeout of connecting and of each SFTP request. Default 30 seconds.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Where the credentials came from, for the hint of a failed login (<c>source.sftp.privateKeyVariable FEEDS_KEY</c>).</summary>
    public string CredentialsFrom { get; init; } = "configuration";

    /// <summary><c>sftp://user@host:port</c>: no secret.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"sftp://{User}@{Host}:{Port}");

    /// <summary>The endpoint of <paramref name="location"/>, with the credentials the environment variables of <paramref name="options"/> hold.</summary>
    /// <exception cref="FeedReadException">A named variable is not set, or no credential is named.</exception>
    internal static SftpEndpoint FromSource(Remote.RemoteLocation location, SftpSourceOptions? options)
    {
        options ??= new SftpSourceOptions();
        var source = location.ToString();
        if (options.PasswordVariable is null && options.PrivateKeyVariable is null)
        {
            throw new FeedReadException(
                $"{source}: no credentials: set source.sftp.privateKeyVariable (or passwordVariable) to the environment variable that holds them", source);
        }

        return new SftpEndpoint(location.Uri.Host, location.Port, location.User)
        {
            Password = Variable(options.PasswordVariable, "the SFTP password", source),
            PrivateKey = Variable(options.PrivateKeyVariable, "the SFTP private key", source),
            Passphrase = Variable(options.PassphraseVariable, "the private key's passphrase", source),
            HostKey = HostKeyPin.Parse(options.HostKey),
            Timeout = TimeSpan.FromSeconds(Math.Max(options.TimeoutSeconds, 1)),
            CredentialsFrom = string.Join(" and ", new[] { ("passwordVariable", options.PasswordVariable), ("privateKeyVariable", options.PrivateKeyVariable) }
                .Where(v => v.Item2 is not null).Select(v => $"source.sftp.{v.Item1} ({v.Item2})")),
        };
    }

    private static string? Variable(string? variable, string what, string source) =>
        variable is null ? null
        : Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value
        : throw new FeedReadException($"{source}: the environment variable {variable} ({what}) is not set", source);
}
