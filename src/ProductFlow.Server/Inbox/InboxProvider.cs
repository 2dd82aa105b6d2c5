using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using ProductFlow.Azure.Inbox;
using ProductFlow.Inbox;
using ProductFlow.Server.Configuration;

namespace ProductFlow.Server.Inbox;

/// <summary>The inboxes of the service: one per folder (<c>inbox/&lt;folder&gt;/</c>), in the data folder, a Blob Storage container or on an SFTP server, and the
/// pipeline each feeds (<c>ProductFlow:Inbox:Folders</c>, else the folder's own name).</summary>
public sealed class InboxProvider(IOptions<ProductFlowOptions> options)
{
    private readonly ProductFlowOptions _options = options.Value;

    /// <summary>Every inbox folder and the pipeline it feeds: each pipeline's own-name folder, and each folder <c>ProductFlow:Inbox:Folders</c>
    /// routes (which also overrides a folder's own name).</summary>
    public IReadOnlyDictionary<string, string> Folders(IEnumerable<string> pipelines)
    {
        var folders = pipelines.ToDictionary(p => p, p => p, StringComparer.Ordinal);
        foreach (var (folder, pipeline) in _options.Inbox.Folders)
        {
            folders[folder] = pipeline;
        }

        return folders;
    }

    /// <summary>The pipeline a folder feeds: the configured one, else the pipeline of the folder's name.</summary>
    public string PipelineOf(string folder) => _options.Inbox.Folders.GetValueOrDefault(folder, folder);

    /// <summary>The folder uploads to <paramref name="pipeline"/> go to: its own-name folder, unless configuration routes that folder elsewhere
    /// (then the first folder routed to it).</summary>
    public string FolderOf(string pipeline) =>
        PipelineOf(pipeline) == pipeline ? pipeline : _options.Inbox.Folders.First(f => string.Equals(f.Value, pipeline, StringComparison.Ordinal)).Key;

    /// <summary>Where the inboxes file the feeds they ran: the SFTP server or Blob Storage container of the inbox, or the data folder.</summary>
    public IFeedArchive Archive() =>
        _options.Inbox.Sftp is { Host.Length: > 0 } sftp ? new SftpFeedArchive(sftp.Endpoint(), sftp.Root)
        : _options.Inbox.Container is { Length: > 0 } container ? new BlobFeedArchive(new BlobContainerClient(_options.Blob.ConnectionString, container))
        : new FolderFeedArchive(_options.DataDirectory);

    /// <summary>The inbox of <paramref name="folder"/>: on the SFTP server (<c>ProductFlow:Inbox:Sftp:Host</c>), in the Blob Storage container
    /// (<c>ProductFlow:Inbox:Container</c>), else in the data folder.</summary>
    public IFeedInbox Open(string folder)
    {
        var settings = new InboxOptions { StableFor = _options.Inbox.StableFor, ClaimTimeout = _options.Inbox.ClaimTimeout };
        var data = Path.GetFullPath(_options.DataDirectory);
        return _options.Inbox.Sftp is { Host.Length: > 0 } sftp ? new SftpInbox(sftp.Endpoint(), sftp.Root, folder, data, settings)
            : _options.Inbox.Container is { Length: > 0 } container ? new BlobInbox(new BlobContainerClient(_options.Blob.ConnectionString, container), folder, data, settings)
            : new FolderInbox(data, folder, settings);
    }
}
