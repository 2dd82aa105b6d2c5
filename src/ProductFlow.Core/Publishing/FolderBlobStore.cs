using System.Runtime.CompilerServices;

namespace ProductFlow.Publishing;

/// <summary>The blob store of embedded mode: files under a folder, each written to a temporary name and renamed when committed.</summary>
/// <remarks>A rename within one file system is atomic, so a reader sees the old file or the new one, never a part.</remarks>
public sealed class FolderBlobStore : IBlobStore
{
    private readonly string _root;

    public FolderBlobStore(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        _root = Path.GetFullPath(root);
    }

    public string Locate(string path) => FullPath(path);

    public Task<IBlobUpload> CreateAsync(string path, CancellationToken cancellationToken = default)
    {
        var target = FullPath(path);
        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        return Task.FromResult<IBlobUpload>(new Upload(temporary, target));
    }

    public Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var file = FullPath(path);
        try
        {
            return Task.FromResult<Stream?>(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, FileOptions.SequentialScan));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public async IAsyncEnumerable<string> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var folder = FullPath(prefix);
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!Path.GetFileName(file).StartsWith('.'))
            {
                yield return Path.GetRelativePath(_root, file).Replace(Path.DirectorySeparatorChar, '/');
            }
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    public Task DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        var file = FullPath(path);
        File.Delete(file);
        var folder = Path.GetDirectoryName(file)!;
        if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any() && !string.Equals(folder, _root, StringComparison.Ordinal))
        {
            Directory.Delete(folder);
        }

        return Task.CompletedTask;
    }

    public Task DeleteAbandonedAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var folder = FullPath(prefix);
        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.EnumerateFiles(folder, ".*.tmp", SearchOption.AllDirectories))
            {
                File.Delete(file);
            }
        }

        return Task.CompletedTask;
    }

    public Task<IAsyncDisposable> LockAsync(string path, CancellationToken cancellationToken = default)
    {
        var file = FullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        try
        {
            // The operating system releases the lock when the process dies: a killed publish never leaves a stale lock.
            return Task.FromResult<IAsyncDisposable>(new FileStream(file, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose));
        }
        catch (IOException e)
        {
            throw new ProductFlowException($"{file} is locked by another process ({e.Message.TrimEnd('.')}): wait for it to finish");
        }
    }

    private string FullPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = Path.GetFullPath(Path.Combine(_root, path.Replace('/', Path.DirectorySeparatorChar)));
        if (!full.StartsWith(_root, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{path}' is outside the blob store", nameof(path));
        }

        return full;
    }

    private sealed class Upload(string temporary, string target) : IBlobUpload
    {
        private bool _committed;

        public Stream Content { get; } = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);

        public async Task CommitAsync(CancellationToken cancellationToken = default)
        {
            await Content.FlushAsync(cancellationToken).ConfigureAwait(false);
            await Content.DisposeAsync().ConfigureAwait(false);
            File.Move(temporary, target, overwrite: true);
            _committed = true;
        }

        public async ValueTask DisposeAsync()
        {
            await Content.DisposeAsync().ConfigureAwait(false);
            if (!_committed)
            {
                File.Delete(temporary);
                var folder = Path.GetDirectoryName(temporary)!;
                if (!Directory.EnumerateFileSystemEntries(folder).Any())
                {
                    Directory.Delete(folder);
                }
            }
        }
    }
}
