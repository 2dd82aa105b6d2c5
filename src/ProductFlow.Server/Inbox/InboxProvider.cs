using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using ProductFlow.Azure.Inbox;
using ProductFlow.Inbox;
using ProductFlow.Server.Configuration;

namespace ProductFlow.Server.Inbox;

/// <summary>The inboxes of the service: one per folder (<c>inbox/&lt;folder&gt;/</c>), in the data folder or a Blob Storage container, and the
/// pipeline each feeds (<c>ProductFlow:Inbox:Folders</c>, else the folder's own name).</summary>
public sealed class InboxProvider(IOptions<ProductFlowOptions> options)
{
    private readonly ProductFlowOptions _options = options.Value;

    /// <summary>The inbox folder of <paramref name="pipeline"/>: the configured one that feeds it, else its own name.</summary>
    public string FolderOf(string pipeline) =>
        _options.Inbox.Folders.FirstOrDefault(f => string.Equals(f.Value, pipeline, StringComparison.Ordinal)).Key ?? pipeline;

    public IFeedInbox Open(string folder)
    {
        var settings = new InboxOptions { StableFor = _options.Inbox.StableFor, ClaimTimeout = _options.Inbox.ClaimTimeout };
        var data = Path.GetFullPath(_options.DataDirectory);
        return _options.Inbox.Container is { Length: > 0 } container
            ? new BlobInbox(new BlobContainerClient(_options.Blob.ConnectionString, container), folder, data, settings)
            : new FolderInbox(data, folder, settings);
    }
}
