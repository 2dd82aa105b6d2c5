using ProductFlow.Connectors.Http;
using ProductFlow.Connectors.Remote;
using ProductFlow.Connectors.Sftp;
using ProductFlow.Pipelines;

namespace ProductFlow.Running;

/// <summary>Fetches a feed file (<c>csv</c>, <c>xlsx</c>, <c>json</c>, <c>jsonl</c>, <c>akeneo-csv</c>) from where a supplier put it, an http(s) URL or
/// an SFTP path, into a local file for its run.</summary>
/// <remarks>
/// The download streams to disk (never held whole in memory): readers then read the local copy, as often as they need to (a workbook
/// is a zip that must be seeked; the encoding is detected in a pass before parsing). HTTP uses <c>source.http</c> (credentials, retries,
/// <c>Retry-After</c>, timeouts, as <c>http-json</c>); SFTP uses <c>source.sftp</c> (pinned host key, credentials). A feed that cannot be
/// fetched throws <see cref="FeedReadException"/> naming the location and what failed.
/// </remarks>
public static class RemoteFeed
{
    /// <summary>Downloads <paramref name="location"/> into a new folder <paramref name="folder"/>, as the file the location names.</summary>
    public static async Task<DownloadedFeed> DownloadAsync(RemoteLocation location, SourceOptions source, string folder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(source);
        Directory.CreateDirectory(folder);
        var feed = new DownloadedFeed(folder, Path.Combine(folder, location.FileName));
        try
        {
            var target = new FileStream(feed.Path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
            await using (target.ConfigureAwait(false))
            {
                if (location.IsSftp)
                {
                    await SftpFeedDownload.DownloadAsync(location, source.Sftp, target, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await HttpFeedDownload.DownloadAsync(location, source.Http ?? new HttpSourceOptions(), target, cancellationToken).ConfigureAwait(false);
                }
            }

            return feed;
        }
        catch
        {
            feed.Dispose();
            throw;
        }
    }
}
