using ProductFlow.Publishing;

namespace ProductFlow.Tests.Publishing;

/// <summary>A blob store that dies when asked to write a blob with a given name (or path): a publish killed at that step.</summary>
internal sealed class CrashingBlobStore(IBlobStore inner, string crashOn) : IBlobStore
{
    public string Locate(string path) => inner.Locate(path);

    public Task<IBlobUpload> CreateAsync(string path, CancellationToken cancellationToken = default) =>
        path == crashOn || path.EndsWith("/" + crashOn, StringComparison.Ordinal) ? throw new IOException("the process died") : inner.CreateAsync(path, cancellationToken);

    public Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken = default) => inner.OpenReadAsync(path, cancellationToken);

    public IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);

    public Task DeleteAsync(string path, CancellationToken cancellationToken = default) => inner.DeleteAsync(path, cancellationToken);

    public Task DeleteAbandonedAsync(string prefix, CancellationToken cancellationToken = default) => inner.DeleteAbandonedAsync(prefix, cancellationToken);

    public Task<IAsyncDisposable> LockAsync(string path, CancellationToken cancellationToken = default) => inner.LockAsync(path, cancellationToken);
}
