namespace ProductFlow.Publishing;

/// <summary>A blob being written: invisible until <see cref="CommitAsync"/>, discarded when disposed before it.</summary>
public interface IBlobUpload : IAsyncDisposable
{
    Stream Content { get; }

    /// <summary>Closes <see cref="Content"/> and makes the blob visible under its path, replacing any blob there.</summary>
    Task CommitAsync(CancellationToken cancellationToken = default);
}
