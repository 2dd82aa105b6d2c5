using ProductFlow.Connectors.Remote;
using Renci.SshNet.Common;

namespace ProductFlow.Connectors.Sftp;

/// <summary>Downloads a feed file from an <c>sftp://user@host[:port]/path</c> location, streamed to <c>target</c> as it arrives.</summary>
internal static class SftpFeedDownload
{
    public static async Task DownloadAsync(RemoteLocation location, SftpSourceOptions? options, Stream target, CancellationToken cancellationToken)
    {
        var source = location.ToString();
        var endpoint = SftpEndpoint.FromSource(location, options);
        // Reaching the supplier's server is part of reading its feed: a failed run that says what failed, not a fault of ProductFlow.
        var client = await SftpConnection.OpenAsync(endpoint, (what, e) => new FeedReadException($"{source}: {what}", source, null, e), cancellationToken)
            .ConfigureAwait(false);
        using (client)
        {
            var path = location.RemotePath;
            try
            {
                var attributes = await client.GetAttributesAsync(path, cancellationToken).ConfigureAwait(false);
                if (attributes.IsDirectory)
                {
                    throw new FeedReadException($"{source}: {path} is a folder, not a feed file", source);
                }

                await client.DownloadFileAsync(path, target, cancellationToken).ConfigureAwait(false);
            }
            catch (SftpPathNotFoundException e)
            {
                throw new FeedReadException($"{source}: there is no file {path} on the server (SFTP: no such file)", source, null, e);
            }
            catch (SftpPermissionDeniedException e)
            {
                throw new FeedReadException($"{source}: {endpoint.User} may not read {path} (SFTP: permission denied)", source, null, e);
            }
            catch (Exception e) when (e is SshException or IOException or System.Net.Sockets.SocketException && !cancellationToken.IsCancellationRequested)
            {
                throw new FeedReadException($"{source}: the download stopped after {target.Position} bytes: {e.Message}", source, null, e);
            }
        }
    }
}
