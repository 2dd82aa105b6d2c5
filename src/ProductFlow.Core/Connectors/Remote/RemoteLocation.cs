using ProductFlow.Primitives;

namespace ProductFlow.Connectors.Remote;

/// <summary>A feed that is not a local file: an <c>http(s)://</c> URL or an <c>sftp://user@host[:port]/path</c>, as <c>source.path</c> or <c>--input</c> name it.</summary>
/// <remarks>
/// A location never carries a secret: a password in the URL (<c>user:password@</c>) is refused, and so is any user part of an http(s) URL,
/// since credentials come from configuration (<c>source.http</c>, <c>source.sftp</c>). An SFTP path is absolute (<c>sftp://h/srv/feeds/a.csv</c>
/// reads <c>/srv/feeds/a.csv</c>), or relative to the login folder after <c>/~/</c> (<c>sftp://h/~/outgoing/a.csv</c>), as curl reads them.
/// </remarks>
public sealed class RemoteLocation
{
    private RemoteLocation(Uri uri, bool isSftp)
    {
        Uri = uri;
        IsSftp = isSftp;
    }

    public Uri Uri { get; }

    /// <summary>An <c>sftp://</c> location; otherwise http(s).</summary>
    public bool IsSftp { get; }

    /// <summary>For SFTP: the user to log in as, from the URL.</summary>
    public string User => Uri.UnescapeDataString(Uri.UserInfo);

    /// <summary>For SFTP: the port, 22 unless the URL names one.</summary>
    public int Port => Uri.IsDefaultPort || Uri.Port < 0 ? 22 : Uri.Port;

    /// <summary>For SFTP: the path on the server (absolute, or relative to the login folder after <c>/~/</c>).</summary>
    public string RemotePath
    {
        get
        {
            var path = Uri.UnescapeDataString(Uri.AbsolutePath);
            return path.StartsWith("/~/", StringComparison.Ordinal) ? path[3..] : path;
        }
    }

    /// <summary>The feed's file name: the URL's last path segment, made safe for a file system (<c>feed</c> when there is none).</summary>
    public string FileName => InboxNames.Safe(Uri.UnescapeDataString(Uri.AbsolutePath.TrimEnd('/')));

    /// <summary>The location as messages show it.</summary>
    public override string ToString() => Uri.ToString();

    /// <summary>Whether <paramref name="input"/> names a remote feed (it starts with <c>http://</c>, <c>https://</c> or <c>sftp://</c>).</summary>
    public static bool IsRemote(string? input) =>
        input is not null && (input.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                              || input.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                              || input.StartsWith("sftp://", StringComparison.OrdinalIgnoreCase));

    /// <summary>Why <paramref name="input"/> (remote, see <see cref="IsRemote"/>) is not a location ProductFlow reads, or null when it is one.</summary>
    public static string? Problem(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!Uri.TryCreate(input, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            return $"'{Redacted(input)}' is not a URL (http://host/path, https://host/path or sftp://user@host/path)";
        }

        var sftp = uri.Scheme == "sftp";
        if (uri.UserInfo.Contains(':', StringComparison.Ordinal))
        {
            return $"'{Redacted(input)}' has a password in it: passwords come from configuration, never the pipeline or the command line"
                + (sftp ? " (source.sftp.passwordVariable or privateKeyVariable)" : " (source.http.bearerTokenVariable or headerValueVariable)");
        }

        if (!sftp && uri.UserInfo.Length > 0)
        {
            return $"'{Redacted(input)}' has a user in it: an http(s) feed's credentials come from configuration (source.http.bearerTokenVariable or headerValueVariable)";
        }

        if (sftp && uri.UserInfo.Length == 0)
        {
            return $"'{input}' names no user: sftp://user@host/path";
        }

        if (sftp && (uri.AbsolutePath.Length <= 1 || uri.AbsolutePath.EndsWith('/')))
        {
            return $"'{input}' names no file: sftp://user@host/folder/feed.csv";
        }

        return null;
    }

    /// <summary>Parses a remote location.</summary>
    /// <exception cref="ProductFlowException">It is not one ProductFlow reads (see <see cref="Problem"/>).</exception>
    public static RemoteLocation Parse(string input)
    {
        if (Problem(input) is { } problem)
        {
            throw new ProductFlowException(problem, Redacted(input));
        }

        var uri = new Uri(input, UriKind.Absolute);
        return new RemoteLocation(uri, uri.Scheme == "sftp");
    }

    /// <summary><paramref name="input"/> with the user part of a URL (which may hold a password) replaced by <c>***</c>.</summary>
    private static string Redacted(string input)
    {
        var scheme = input.IndexOf("://", StringComparison.Ordinal);
        var at = input.IndexOf('@', StringComparison.Ordinal);
        var slash = scheme < 0 ? -1 : input.IndexOf('/', scheme + 3);
        return scheme >= 0 && at > scheme && (slash < 0 || at < slash) ? input[..(scheme + 3)] + "***" + input[at..] : input;
    }
}
