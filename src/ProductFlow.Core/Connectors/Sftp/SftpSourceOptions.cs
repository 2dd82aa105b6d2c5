namespace ProductFlow.Connectors.Sftp;

/// <summary>How to reach a feed at an <c>sftp://</c> location (pipeline <c>source.sftp</c>): the pinned host key and where the credentials are.</summary>
/// <remarks>
/// Credentials never live in the pipeline file: <see cref="PasswordVariable"/>, <see cref="PrivateKeyVariable"/> and
/// <see cref="PassphraseVariable"/> name environment variables (configuration) that hold them. The host key is no secret: its
/// fingerprint is written here, and a server that presents another key is refused.
/// </remarks>
public sealed class SftpSourceOptions
{
    /// <summary>The SHA-256 fingerprint of the server's host key, as <c>ssh-keygen -lf</c> prints it (<c>SHA256:…</c>); several, separated by
    /// commas or spaces, while a server changes keys. None: every key is unknown, and refused.</summary>
    public string? HostKey { get; init; }

    /// <summary>The environment variable that holds the password.</summary>
    public string? PasswordVariable { get; init; }

    /// <summary>The environment variable that holds the private key: the path of a key file, or the key itself (OpenSSH, PEM or PuTTY).</summary>
    public string? PrivateKeyVariable { get; init; }

    /// <summary>The environment variable that holds the private key's passphrase, when it has one.</summary>
    public string? PassphraseVariable { get; init; }

    /// <summary>The timeout of connecting and of each SFTP request, in seconds. Default 30.</summary>
    public int TimeoutSeconds { get; init; } = 30;
}
