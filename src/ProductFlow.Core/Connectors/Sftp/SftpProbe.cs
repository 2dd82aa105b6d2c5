using Renci.SshNet.Common;

namespace ProductFlow.Connectors.Sftp;

/// <summary>Checks that an SFTP server can be used, for <c>doctor</c>: it answers, its host key is the pinned one, the login succeeds and the
/// folder exists. Writes nothing.</summary>
public static class SftpProbe
{
    /// <summary>Null when all is well; otherwise what failed (without the server's name, which the caller prints).</summary>
    public static async Task<string?> ProblemAsync(SftpEndpoint endpoint, string folder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(folder);
        try
        {
            using var client = await SftpConnection.OpenAsync(endpoint, (what, e) => new InfrastructureException(what, endpoint.ToString(), e), cancellationToken)
                .ConfigureAwait(false);
            var path = folder.Length == 0 ? "." : folder;
            return (await client.GetAttributesAsync(path, cancellationToken).ConfigureAwait(false)).IsDirectory ? null : $"{SftpPaths.Display(folder)} is not a folder";
        }
        catch (InfrastructureException e)
        {
            return e.Message;
        }
        catch (SftpPathNotFoundException)
        {
            return $"the folder {SftpPaths.Display(folder)} does not exist";
        }
        catch (SshException e)
        {
            return e.Message;
        }
    }
}
