using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using ProductFlow.Azure.Inbox;
using ProductFlow.Publishing;

namespace ProductFlow.Azure.Exports;

/// <summary>Exports in a Blob Storage container (service mode): the same layout as the local folder, under an optional prefix.</summary>
/// <remarks>
/// An upload is spooled to a local temporary file and sent when committed, so a publish that fails midway leaves
/// no partial blob. Locks are blob leases of 60 s renewed every 20 s: a killed publisher's lock lapses within a minute.
/// </remarks>
public sealed class BlobExportStore : IBlobStore
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan LeaseRenewal = TimeSpan.FromSeconds(20);

    private readonly BlobContainerClient _container;
    private readonly string _prefix;
    private int _created;

    public BlobExportStore(BlobContainerClient container, string? prefix = null)
    {
        ArgumentNullException.ThrowIfNull(container);
        _container = container;
        _prefix = string.IsNullOrEmpty(prefix) ? "" : prefix.TrimEnd('/') + "/";
    }

    public string Locate(string path) => $"{_container.Uri.AbsoluteUri.TrimEnd('/')}/{_prefix}{path}";

    public async Task<IBlobUpload> CreateAsync(string path, CancellationToken cancellationToken = default)
    {
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        return new Upload(_container.GetBlobClient(_prefix + path));
    }

    public async Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken = default)
    {
        try
        {
            // A seekable stream that reads the blob in 4 MB ranges, pinned to the version it opened (a blob replaced meanwhile fails the
            // read, it never mixes two): partners' Range requests seek in it, and a whole read is sequential as before.
            var options = new global::Azure.Storage.Blobs.Models.BlobOpenReadOptions(allowModifications: false) { BufferSize = 4 << 20 };
            return await _container.GetBlobClient(_prefix + path).OpenReadAsync(options, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async IAsyncEnumerable<string> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        IAsyncEnumerator<global::Azure.Storage.Blobs.Models.BlobItem>? items = null;
        try
        {
            items = _container.GetBlobsAsync(global::Azure.Storage.Blobs.Models.BlobTraits.None, global::Azure.Storage.Blobs.Models.BlobStates.None, _prefix + prefix, cancellationToken).GetAsyncEnumerator(cancellationToken);
            while (await MoveNextAsync(items).ConfigureAwait(false))
            {
                yield return items.Current.Name[_prefix.Length..];
            }
        }
        finally
        {
            if (items is not null)
            {
                await items.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    public async Task DeleteAsync(string path, CancellationToken cancellationToken = default) =>
        await _container.GetBlobClient(_prefix + path).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);

    /// <remarks>Uploads spool to local files deleted when closed, and reach the container only whole: a dead process leaves nothing in it.</remarks>
    public Task DeleteAbandonedAsync(string prefix, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public async Task<IAsyncDisposable> LockAsync(string path, CancellationToken cancellationToken = default)
    {
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        var blob = _container.GetBlobClient(_prefix + path);
        if (!await blob.ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await blob.UploadAsync(BinaryData.Empty, overwrite: false, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another process created it a moment ago, and maybe holds its lease: acquiring says which.
            }
        }

        var lease = blob.GetBlobLeaseClient();
        try
        {
            await lease.AcquireAsync(LeaseDuration, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            throw new ProductFlowException($"{Locate(path)} is locked by another process (its lease is held): wait for it to finish");
        }

        return new Lease(lease, new LeaseRenewal(lease, LeaseRenewal));
    }

    private static async Task<bool> MoveNextAsync(IAsyncEnumerator<global::Azure.Storage.Blobs.Models.BlobItem> items)
    {
        try
        {
            return await items.MoveNextAsync().ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false; // no container yet: nothing published
        }
    }

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _created, 1) == 0)
        {
            await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    private sealed class Upload(BlobClient blob) : IBlobUpload
    {
        private readonly string _spool = Path.Combine(Path.GetTempPath(), $"productflow-upload-{Guid.NewGuid():N}.tmp");
        private FileStream? _content;

        public Stream Content => _content ??= new FileStream(_spool, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);

        public async Task CommitAsync(CancellationToken cancellationToken = default)
        {
            var content = (FileStream)Content;
            await content.FlushAsync(cancellationToken).ConfigureAwait(false);
            content.Position = 0;
            await blob.UploadAsync(content, overwrite: true, cancellationToken).ConfigureAwait(false);
            await content.DisposeAsync().ConfigureAwait(false);
        }

        public async ValueTask DisposeAsync()
        {
            if (_content is not null)
            {
                await _content.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private sealed class Lease(BlobLeaseClient lease, LeaseRenewal renewal) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await renewal.DisposeAsync().ConfigureAwait(false);
            try
            {
                await lease.ReleaseAsync().ConfigureAwait(false);
            }
            catch (RequestFailedException)
            {
                // The lease lapsed already: nobody holds the lock, which is what releasing wanted.
            }
        }
    }
}
