namespace ProductFlow.Publishing;

/// <summary>Where exports are published: a local folder (embedded mode) or a Blob Storage container (service mode).</summary>
/// <remarks>
/// Paths are relative, with <c>/</c> separators (<c>partner/v3/partner.csv</c>). A blob appears only complete:
/// <see cref="CreateAsync"/> gives an upload that is invisible until committed, and discarded when disposed uncommitted.
/// </remarks>
public interface IBlobStore
{
    /// <summary>Where <paramref name="path"/> is, for people: a file path or a URL.</summary>
    string Locate(string path);

    Task<IBlobUpload> CreateAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>The content of <paramref name="path"/>, or <c>null</c> when there is no such blob.</summary>
    Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>The paths of the blobs under <paramref name="prefix"/> (a folder path ending in <c>/</c>), in no particular order.</summary>
    IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>Deletes <paramref name="path"/> if it exists.</summary>
    Task DeleteAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Deletes what uploads under <paramref name="prefix"/> left when their process died before committing or discarding them.</summary>
    /// <remarks>Call it only while holding the lock of everything under <paramref name="prefix"/>: an upload in progress there would be lost.</remarks>
    Task DeleteAbandonedAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>Takes the exclusive lock named <paramref name="path"/> until disposed; fails with a <see cref="ProductFlowException"/> when another process holds it.</summary>
    Task<IAsyncDisposable> LockAsync(string path, CancellationToken cancellationToken = default);
}
