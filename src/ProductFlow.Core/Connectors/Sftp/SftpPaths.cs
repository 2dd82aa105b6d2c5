using Renci.SshNet;
using Renci.SshNet.Common;

namespace ProductFlow.Connectors.Sftp;

/// <summary>Paths and folders on an SFTP server: joined with <c>/</c>, created and deleted as trees.</summary>
internal static class SftpPaths
{
    /// <summary>The parts joined with <c>/</c>, empty parts left out: <c>("/srv/feeds", "inbox", "demo")</c> is <c>/srv/feeds/inbox/demo</c>,
    /// <c>("", "inbox", "demo")</c> is <c>inbox/demo</c> (in the login folder).</summary>
    public static string Join(params string[] parts)
    {
        var kept = parts.Where(p => p.Length > 0).Select((p, i) => i == 0 ? p.TrimEnd('/') : p.Trim('/')).Where(p => p.Length > 0).ToList();
        var joined = string.Join('/', kept);
        return parts.FirstOrDefault(p => p.Length > 0) is { } first && first.StartsWith('/') && !joined.StartsWith('/') ? "/" + joined : joined;
    }

    /// <summary>The last part of a path: a file's name.</summary>
    public static string NameOf(string path) => path[(path.LastIndexOf('/') + 1)..];

    /// <summary>The path as messages show it: absolute, or <c>~/</c> and the path in the login folder.</summary>
    public static string Display(string path) => path.StartsWith('/') ? path : "/~/" + path;

    /// <summary>Creates the folder and the folders above it that are missing (<c>mkdir -p</c>); another process creating one meanwhile is fine.</summary>
    public static async Task CreateFoldersAsync(SftpClient client, string path, CancellationToken cancellationToken)
    {
        var current = path.StartsWith('/') ? "" : null;
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            current = current is null ? part : current + "/" + part;
            if (await client.ExistsAsync(current, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            try
            {
                await client.CreateDirectoryAsync(current, cancellationToken).ConfigureAwait(false);
            }
            catch (SftpException)
            {
                if (!await client.ExistsAsync(current, cancellationToken).ConfigureAwait(false))
                {
                    throw;
                }

                // Created by another process between the two calls.
            }
        }
    }

    /// <summary>Deletes a folder and everything in it; a folder already gone is fine.</summary>
    public static async Task DeleteTreeAsync(SftpClient client, string path, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var entry in client.ListDirectoryAsync(path, cancellationToken).ConfigureAwait(false))
            {
                if (entry.Name is "." or "..")
                {
                    continue;
                }

                if (entry.IsDirectory)
                {
                    await DeleteTreeAsync(client, entry.FullName, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await client.DeleteFileAsync(entry.FullName, cancellationToken).ConfigureAwait(false);
                }
            }

            await client.DeleteDirectoryAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (SftpPathNotFoundException)
        {
            // Gone already (another process purged it).
        }
    }

    /// <summary>The entries of a folder, without <c>.</c> and <c>..</c>; none when the folder does not exist.</summary>
    public static async Task<List<Renci.SshNet.Sftp.ISftpFile>> ListAsync(SftpClient client, string path, CancellationToken cancellationToken)
    {
        var entries = new List<Renci.SshNet.Sftp.ISftpFile>();
        try
        {
            await foreach (var entry in client.ListDirectoryAsync(path, cancellationToken).ConfigureAwait(false))
            {
                if (entry.Name is not ("." or ".."))
                {
                    entries.Add(entry);
                }
            }
        }
        catch (SftpPathNotFoundException)
        {
            // No such folder: nothing in it.
        }

        return entries;
    }
}
